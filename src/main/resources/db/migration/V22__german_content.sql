-- German ('de') translations of the shipped library: the 34 exercises of V3 and the 12
-- education cards of V6 (no later migration ships exercises or cards). See
-- docs/german-content.md.
--
-- Rows go into V21's translation tables; the English originals stay untouched. All text is
-- our own German, written for patients on a phone the way a German physiotherapist would
-- write it: plain language, formal "Sie", short sentences. It is not a word-by-word
-- translation, but it keeps the clinical meaning of the English exactly: every step, every
-- caution, every stop rule, every number (seconds, minutes, reps, pain scores, days) and
-- every piece of safety advice.
--
-- Conventions used below:
--   * ids are the fixed ids of V3 (e0000000-...-0000000000NN) and V6 (c0000000-...-NN).
--   * instructions and cautions have exactly as many items as the English, in the same
--     order; a card body keeps the English Markdown shape (the same "## " headings, "- "
--     bullet lists, numbered steps, and the one **bold** sentence where the English has one).
--   * "your therapist" is "Ihre Therapeutin oder Ihr Therapeut" (declined as needed).
--     The stop rule (symptoms spreading further down the leg = peripheralisation) reads
--     "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, ...".
--   * Established German physiotherapy terms where patients meet them: Bauchlage,
--     Vierfüßlerstand, Seitstütz, Slider/Tensioner for the nerve glides, Wiederholung for rep.
--     Equipment and dosage are not text here (they come from the exercise row).
--   * jsonb arrays and card bodies are dollar-quoted (tags j and body); quotes
--     inside text are German „…“, never ASCII double quotes, so the arrays stay valid JSON.
--   * created_by is null: shipped content, like the originals.
--   GermanContentTest checks completeness and shape against the migrated database.

insert into exercise_translation (exercise_id, locale, name, summary, instructions, cautions)
values

-- NERVE_GLIDE ---------------------------------------------------------------------------
('e0000000-0000-4000-8000-000000000001', 'de',
 'Nervengleiten Ischiasnerv: Slider im Sitzen',
 'Der Ischiasnerv wird sanft hin und her bewegt, ohne ihn zu dehnen. Diese Bewegung kann einen gereizten Nerv beruhigen und ihm helfen, wieder frei zu gleiten.',
 $j$["Setzen Sie sich aufrecht auf einen festen Stuhl. Die Füße stehen flach auf dem Boden, die Hände liegen auf den Oberschenkeln.",
   "Üben Sie mit dem Bein, das Ihre Therapeutin oder Ihr Therapeut ausgewählt hat, meist dem schmerzhaften.",
   "Strecken Sie dieses Knie langsam und legen Sie gleichzeitig den Kopf in den Nacken, sodass Sie zur Decke schauen.",
   "Beugen Sie dann das Knie wieder und führen Sie dabei das Kinn in Richtung Brust.",
   "Bewegen Sie sich fließend wie ein langsames Pendel. Bleiben Sie an keinem Ende stehen.",
   "Gehen Sie nur so weit, wie es sich leicht anfühlt. Ein leichtes Ziehen ist in Ordnung, Schmerz nicht."]$j$::jsonb,
 $j$["Bleiben Sie sanft. Es soll sich wie lockere Bewegung anfühlen, nicht wie eine Dehnung.",
   "Halten Sie die Endstellung nicht. Bleiben Sie in der Hin-und-her-Bewegung.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn Kribbeln oder Taubheit stärker werden, sich weiter ins Bein ausbreiten oder nach der Übung noch anhalten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000002', 'de',
 'Nervengleiten Ischiasnerv: Tensioner im Sitzen',
 'Eine kräftigere Nervenübung: Der Weg des Ischiasnervs wird von beiden Enden gleichzeitig sanft verlängert. Nutzen Sie sie, wenn der Slider leichtfällt und Ihre Beinbeschwerden sich beruhigt haben.',
 $j$["Setzen Sie sich aufrecht auf einen festen Stuhl, die Füße flach auf dem Boden.",
   "Üben Sie mit dem Bein, das Ihre Therapeutin oder Ihr Therapeut ausgewählt hat, meist dem schmerzhaften.",
   "Strecken Sie dieses Knie langsam und führen Sie gleichzeitig das Kinn in Richtung Brust.",
   "Beugen Sie dann das Knie wieder und heben Sie den Kopf, bis Sie wieder geradeaus schauen.",
   "Bewegen Sie sich fließend und bleiben Sie am Ende nicht stehen. Ein leichtes Ziehen in der Kniekehle ist in Ordnung."]$j$::jsonb,
 $j$["Diese Übung spannt den Nerv stärker an als der Slider. Bleiben Sie leicht und deutlich im angenehmen Bereich.",
   "Halten Sie am Ende der Bewegung nicht an.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn das Kribbeln zunimmt, sich ins Bein ausbreitet oder nicht innerhalb weniger Minuten abklingt."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000003', 'de',
 'Nervengleiten Ischiasnerv: Tensioner in Rückenlage',
 'Die anspruchsvollste Nervenübung. In Rückenlage mit gebeugter Hüfte kann sich der Ischiasnerv weiter verlängern. Machen Sie sie erst, wenn der Tensioner im Sitzen leichtfällt.',
 $j$["Legen Sie sich auf den Rücken, beide Knie gebeugt, die Füße flach aufgestellt.",
   "Heben Sie das Bein an, das Ihre Therapeutin oder Ihr Therapeut ausgewählt hat, und halten Sie die Rückseite des Oberschenkels mit beiden Händen fest, sodass die Hüfte etwa im rechten Winkel gebeugt ist.",
   "Strecken Sie das Knie langsam, bis Sie ein leichtes Ziehen spüren, und ziehen Sie dabei die Zehen zu sich heran.",
   "Beugen Sie dann das Knie und strecken Sie die Zehen wieder von sich weg. Der Oberschenkel bleibt die ganze Zeit ruhig.",
   "Bewegen Sie sich fließend weiter. Bleiben Sie am Ende nicht stehen."]$j$::jsonb,
 $j$["Bleiben Sie sanft. Hören Sie auf, bevor eine starke Dehnung entsteht.",
   "Halten Sie am Ende der Bewegung nicht an.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn Kribbeln oder Schmerzen zunehmen, sich weiter ins Bein ausbreiten oder nach der Übung anhalten."]$j$::jsonb),

-- MCKENZIE_EXTENSION ---------------------------------------------------------------------
('e0000000-0000-4000-8000-000000000004', 'de',
 'Bauchlage',
 'Wenn Sie flach auf dem Bauch liegen, sinkt Ihr unterer Rücken in ein sanftes Hohlkreuz. Bei vielen Menschen mit Ischiasbeschwerden lässt dadurch der Beinschmerz nach.',
 $j$["Legen Sie sich auf einem Bett oder einer Matte auf dem Boden auf den Bauch. Die Arme liegen neben dem Körper oder unter der Stirn.",
   "Drehen Sie den Kopf zur Seite, wenn das angenehmer ist.",
   "Atmen Sie ein paar Mal langsam und lassen Sie unteren Rücken, Hüften und Beine locker.",
   "Bleiben Sie so lange liegen, wie in Ihrem Plan angegeben. Drehen Sie sich zum Aufstehen erst auf die Seite."]$j$::jsonb,
 $j$["Wenn der Beinschmerz nach oben in Richtung Rücken wandert, ist das ein gutes Zeichen. Machen Sie weiter.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln beim Liegen weiter ins Bein ausbreiten.",
   "Wenn Sie anfangs nicht flach liegen können, legen Sie ein Kissen unter die Hüften und lassen Sie es in den nächsten Tagen weg."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000005', 'de',
 'Bauchlage auf den Unterarmen',
 'Wenn Sie sich auf die Unterarme stützen, kommt Ihr unterer Rücken weiter ins Hohlkreuz. Das ist der Zwischenschritt zwischen flacher Bauchlage und Hochdrücken und lässt Beinschmerzen oft abklingen.',
 $j$["Legen Sie sich auf den Bauch und stützen Sie sich dann auf die Unterarme, die Ellbogen unter den Schultern.",
   "Lassen Sie den unteren Rücken durchhängen. Becken und Bauch bleiben auf dem Boden, das Gesäß bleibt locker.",
   "Atmen Sie langsam und bleiben Sie so lange, wie in Ihrem Plan angegeben.",
   "Legen Sie sich langsam wieder ab und ruhen Sie einen Moment flach, bevor Sie aufstehen."]$j$::jsonb,
 $j$["Wenn der Schmerz aus dem Bein heraus zur Mitte des Rückens wandert, ist das ein gutes Zeichen.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten.",
   "Wenn das zu viel ist, kehren Sie für ein paar weitere Tage zur flachen Bauchlage zurück."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000006', 'de',
 'Hochdrücken aus der Bauchlage, Becken bleibt locker',
 'Sie drücken sich mit den Armen hoch, während das Becken unten bleibt. So beugt sich Ihr unterer Rücken weiter nach hinten. Über den Tag verteilt oft geübt, kann das den Beinschmerz zur Wirbelsäule zurückholen.',
 $j$["Legen Sie sich auf den Bauch, die Hände flach unter den Schultern auf dem Boden.",
   "Strecken Sie langsam die Arme und heben Sie so den Oberkörper an. Das Becken bleibt auf dem Boden.",
   "Lassen Sie unteren Rücken und Gesäß ganz locker, wie eine durchhängende Hängematte.",
   "Gehen Sie so hoch, wie es angenehm ist, halten Sie eine Sekunde und senken Sie sich wieder ab.",
   "Wenn es sich gut anfühlt, gehen Sie mit jeder Wiederholung ein kleines Stück höher."]$j$::jsonb,
 $j$["Wenn der Schmerz nach oben zur Mitte des Rückens wandert, ist das ein gutes Zeichen.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein oder in den Fuß ausbreiten.",
   "Wenn sich Ihr Bein später am Tag schlechter anfühlt, kehren Sie zur Bauchlage auf den Unterarmen zurück."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000007', 'de',
 'Rückbeuge im Stehen',
 'Eine Version des Hochdrückens im Stehen, die Sie überall machen können. Nutzen Sie sie nach dem Sitzen oder Bücken, um die Haltung auszugleichen und zu verhindern, dass sich Beinschmerzen aufbauen.',
 $j$["Stellen Sie sich aufrecht hin, die Füße auseinander, die Hände am unteren Rücken, die Finger zeigen nach unten.",
   "Lehnen Sie sich langsam über Ihre Hände nach hinten, so weit es angenehm ist. Die Knie bleiben gestreckt.",
   "Halten Sie eine Sekunde und richten Sie sich dann wieder ganz auf.",
   "Machen Sie einen Satz nach längerem Sitzen oder nach längerem Vorbeugen."]$j$::jsonb,
 $j$["Stellen Sie sich neben eine Wand oder eine Küchenarbeitsplatte, wenn Sie sich unsicher fühlen.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

-- CORE_STABILITY -------------------------------------------------------------------------
('e0000000-0000-4000-8000-000000000008', 'de',
 'Bauchspannung',
 'Sie lernen, die tiefen Muskeln rund um Ihren Rumpf zu aktivieren, die Ihren Rücken stützen. Das ist die Grundlage für alle anderen Rumpfübungen und ist schon früh unbedenklich.',
 $j$["Legen Sie sich auf den Rücken, die Knie gebeugt, die Füße flach aufgestellt.",
   "Atmen Sie ein. Spannen Sie beim Ausatmen den Bauch leicht an, als ob gleich jemand sanft hineinstupsen würde.",
   "Ihr Rücken bleibt ruhig. Drücken Sie ihn nicht in den Boden und halten Sie nicht die Luft an.",
   "Halten Sie die Spannung, während Sie normal weiteratmen, und lassen Sie dann locker.",
   "Wenn das im Liegen leichtfällt, üben Sie es auch im Sitzen und im Stehen."]$j$::jsonb,
 $j$["Nutzen Sie nur etwa ein Drittel Ihrer vollen Kraft.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000009', 'de',
 'Bird-Dog im Vierfüßlerstand: nur den Arm heben',
 'Im Vierfüßlerstand heben Sie jeweils einen Arm, während der Rücken ruhig bleibt. Das trainiert die Rumpfmuskeln, die Ihren Rücken schützen, mit sehr wenig Belastung.',
 $j$["Gehen Sie in den Vierfüßlerstand: Hände unter den Schultern, Knie unter den Hüften.",
   "Halten Sie den Rücken flach wie eine Tischplatte und spannen Sie den Bauch leicht an.",
   "Heben Sie langsam einen Arm gestreckt nach vorn bis auf Schulterhöhe.",
   "Halten Sie so lange, wie in Ihrem Plan angegeben, ohne dass sich der Körper verdreht oder durchhängt.",
   "Senken Sie den Arm und wiederholen Sie es mit dem anderen Arm.",
   "Gehen Sie zur nächsten Stufe über, wenn Ihnen 10 Wiederholungen pro Seite mit 10 Sekunden Halten leichtfallen."]$j$::jsonb,
 $j$["Legen Sie ein gefaltetes Handtuch unter die Knie, wenn sie schmerzen.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000010', 'de',
 'Bird-Dog im Vierfüßlerstand: nur das Bein heben',
 'Die nächste Bird-Dog-Stufe. Wenn Sie jeweils ein Bein heben, müssen Rücken- und Gesäßmuskeln mehr leisten, während der Rumpf stabil bleibt.',
 $j$["Gehen Sie in den Vierfüßlerstand: Hände unter den Schultern, Knie unter den Hüften.",
   "Spannen Sie den Bauch leicht an und halten Sie den Rücken flach.",
   "Schieben Sie ein Bein nach hinten und heben Sie es, bis es mit dem Körper eine Linie bildet. Heben Sie es nicht höher als die Hüfte.",
   "Halten Sie so lange, wie in Ihrem Plan angegeben. Das Becken bleibt waagerecht, der Rücken geht nicht ins Hohlkreuz.",
   "Senken Sie das Bein und wiederholen Sie es mit dem anderen Bein.",
   "Gehen Sie zur nächsten Stufe über, wenn Ihnen 10 Wiederholungen pro Seite mit 10 Sekunden Halten leichtfallen."]$j$::jsonb,
 $j$["Legen Sie ein gefaltetes Handtuch unter die Knie, wenn sie schmerzen.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn Schmerzen oder Kribbeln weiter ins Bein hinunterziehen."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000011', 'de',
 'Bird-Dog im Vierfüßlerstand: Arm und Gegenbein heben',
 'Der vollständige Bird-Dog. Wenn Sie Arm und gegenüberliegendes Bein zusammen heben, lernt Ihr Rumpf, stabil zu bleiben, während sich Arme und Beine bewegen, so wie im Alltag.',
 $j$["Gehen Sie in den Vierfüßlerstand: Hände unter den Schultern, Knie unter den Hüften.",
   "Spannen Sie den Bauch leicht an und halten Sie den Rücken flach.",
   "Heben Sie gleichzeitig den rechten Arm nach vorn und das linke Bein nach hinten, bis beide mit dem Körper eine Linie bilden.",
   "Halten Sie so lange, wie in Ihrem Plan angegeben. Becken und Schultern bleiben waagerecht.",
   "Senken Sie beides ab und wiederholen Sie es mit dem linken Arm und dem rechten Bein.",
   "Wenn Ihnen 10 Wiederholungen pro Seite mit 10 Sekunden Halten leichtfallen, fragen Sie Ihre Therapeutin oder Ihren Therapeuten nach leichten Gewichten."]$j$::jsonb,
 $j$["Wenn Sie wackeln, heben Sie Arm und Bein weniger hoch, statt schneller zu werden.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000012', 'de',
 'Toter Käfer: Fersen antippen',
 'In Rückenlage senken Sie jeweils einen Fuß ab, während Ihre Bauchspannung den Rücken ruhig hält. So bauen Sie Rumpfkontrolle in einer vollständig gestützten Position auf.',
 $j$["Legen Sie sich auf den Rücken und heben Sie beide Beine an, sodass Hüften und Knie im rechten Winkel gebeugt sind.",
   "Spannen Sie den Bauch leicht an, sodass Ihr unterer Rücken ruhig auf dem Boden bleibt.",
   "Senken Sie langsam einen Fuß ab und tippen Sie mit der Ferse auf den Boden. Das Knie bleibt gebeugt.",
   "Bringen Sie das Bein wieder hoch und wiederholen Sie es mit dem anderen Bein.",
   "Atmen Sie aus, während der Fuß nach unten geht. Wenn Ihr Rücken ins Hohlkreuz geht, machen Sie die Bewegung kleiner."]$j$::jsonb,
 $j$["Kopf und Schultern bleiben auf dem Boden liegen.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000013', 'de',
 'Toter Käfer: Arm und Gegenbein',
 'Der vollständige Tote Käfer. Wenn Sie einen Arm nach hinten führen, während sich das gegenüberliegende Bein streckt, muss Ihr Rumpf mehr arbeiten, um den Rücken ruhig zu halten.',
 $j$["Legen Sie sich auf den Rücken, die Arme zeigen zur Decke, Hüften und Knie sind im rechten Winkel gebeugt.",
   "Spannen Sie den Bauch leicht an, sodass Ihr unterer Rücken ruhig bleibt.",
   "Führen Sie langsam einen Arm über den Kopf nach hinten und strecken Sie gleichzeitig das gegenüberliegende Bein aus, knapp über dem Boden.",
   "Gehen Sie nur so weit, wie Sie können, ohne dass Ihr Rücken ins Hohlkreuz geht.",
   "Kehren Sie in die Ausgangsstellung zurück und wiederholen Sie es zur anderen Seite."]$j$::jsonb,
 $j$["Bewegen Sie sich langsam. Schwung überdeckt mangelnde Kontrolle.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn Schmerzen oder Kribbeln weiter ins Bein hinunterziehen."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000014', 'de',
 'Seitstütz auf den Knien',
 'Wenn Sie Ihren Körper in Seitlage abstützen, trainieren Sie die Muskeln an der Seite von Rumpf und Hüfte. Auf den Knien bleibt die Belastung gering.',
 $j$["Legen Sie sich auf die Seite, die Knie gebeugt, den Ellbogen unter der Schulter.",
   "Spannen Sie den Bauch an und heben Sie das Becken, bis Ihr Körper vom Kopf bis zu den Knien eine gerade Linie bildet.",
   "Halten Sie so lange, wie in Ihrem Plan angegeben, und atmen Sie weiter.",
   "Senken Sie sich langsam ab und ruhen Sie kurz. Drehen Sie sich dann um und üben Sie die andere Seite."]$j$::jsonb,
 $j$["Wenn Ihre Schulter schmerzt, hören Sie auf und fragen Sie Ihre Therapeutin oder Ihren Therapeuten nach einer anderen Übung.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000015', 'de',
 'Seitstütz',
 'Der volle Seitstütz auf den Füßen. Er belastet die seitlichen Rumpf- und Hüftmuskeln stärker und baut die Ausdauer auf, die Sie zum Heben und Tragen brauchen.',
 $j$["Legen Sie sich auf die Seite, die Beine gestreckt, die Füße übereinander, den Ellbogen unter der Schulter.",
   "Spannen Sie den Bauch an und heben Sie das Becken, sodass Ihr Körper vom Kopf bis zu den Füßen eine gerade Linie bildet.",
   "Halten Sie so lange, wie in Ihrem Plan angegeben. Lassen Sie das Becken nicht absinken.",
   "Senken Sie sich langsam ab und ruhen Sie kurz. Drehen Sie sich dann um und üben Sie die andere Seite.",
   "Wenn Sie die gerade Linie nicht halten können, kehren Sie zum Seitstütz auf den Knien zurück."]$j$::jsonb,
 $j$["Wenn Ihre Schulter schmerzt, hören Sie auf und fragen Sie Ihre Therapeutin oder Ihren Therapeuten nach einer anderen Übung.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

-- HIP_GLUTE_STRENGTH ---------------------------------------------------------------------
('e0000000-0000-4000-8000-000000000016', 'de',
 'Beckenheben (Brücke)',
 'Wenn Sie das Becken vom Boden abheben, kräftigen Sie Ihre Gesäßmuskeln. Eine kräftige Gesäßmuskulatur stützt das Becken und entlastet den unteren Rücken.',
 $j$["Legen Sie sich auf den Rücken, die Knie gebeugt, die Füße flach und hüftbreit aufgestellt.",
   "Spannen Sie den Bauch leicht an und spannen Sie das Gesäß an.",
   "Heben Sie das Becken, bis Schultern, Hüften und Knie eine Linie bilden. Gehen Sie nicht ins Hohlkreuz.",
   "Halten Sie oben zwei Sekunden und senken Sie das Becken dann langsam ab."]$j$::jsonb,
 $j$["Drücken Sie sich über die Fersen hoch, damit Sie es im Gesäß spüren und nicht im Rücken.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000017', 'de',
 'Brücke mit Marschieren',
 'Eine Brücke, bei der Sie abwechselnd einen Fuß anheben, während das Becken oben bleibt. So kommen Gleichgewicht und Rumpfkontrolle zum Krafttraining dazu.',
 $j$["Legen Sie sich auf den Rücken, die Knie gebeugt, die Füße flach aufgestellt.",
   "Heben Sie das Becken in die Brücke und halten Sie es oben.",
   "Heben Sie einen Fuß ein paar Zentimeter vom Boden ab, setzen Sie ihn wieder ab und heben Sie dann den anderen.",
   "Das Becken bleibt waagerecht. Lassen Sie es nicht absinken oder zur Seite kippen.",
   "Jedes Fußheben zählt als eine Wiederholung für diese Seite. Legen Sie das Becken zwischen den Sätzen zum Ausruhen ab."]$j$::jsonb,
 $j$["Wenn Ihr Becken absinkt, üben Sie noch eine Woche die einfache Brücke.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000018', 'de',
 'Einbeinige Brücke',
 'Eine Brücke auf einem Bein. Jede Gesäßhälfte arbeitet für sich allein. So bauen Sie die Kraft auf, die Sie für Treppen, Steigungen und das Aufstehen von niedrigen Sitzen brauchen.',
 $j$["Legen Sie sich auf den Rücken, die Knie gebeugt, die Füße flach aufgestellt.",
   "Strecken Sie ein Bein und halten Sie es in einer Linie mit dem anderen Oberschenkel.",
   "Drücken Sie sich über die Ferse des gebeugten Beins hoch und heben Sie so das Becken. Es bleibt waagerecht.",
   "Halten Sie oben kurz und senken Sie das Becken dann langsam ab.",
   "Machen Sie alle Wiederholungen auf einer Seite und wechseln Sie dann das Bein."]$j$::jsonb,
 $j$["Sie sollten es im Gesäß spüren, nicht im unteren Rücken. Wenn der Rücken die Arbeit übernimmt, heben Sie das Becken weniger hoch.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000019', 'de',
 'Muschel-Übung (Clamshell)',
 'Sie öffnen in Seitenlage das obere Knie und kräftigen so die Muskeln an der Seite und Rückseite der Hüfte. Diese Muskeln halten Ihr Becken beim Gehen stabil.',
 $j$["Legen Sie sich auf die Seite, Hüften und Knie gebeugt, die Fersen in einer Linie mit dem Gesäß.",
   "Legen Sie den Kopf auf den Arm. Die Hüften liegen genau übereinander.",
   "Lassen Sie die Füße zusammen und heben Sie das obere Knie so weit wie möglich, ohne dass das Becken nach hinten kippt.",
   "Halten Sie kurz und senken Sie das Knie langsam ab.",
   "Machen Sie alle Wiederholungen auf einer Seite und drehen Sie sich dann um."]$j$::jsonb,
 $j$["Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000020', 'de',
 'Muschel-Übung mit Theraband',
 'Die Muschel-Übung mit einem Widerstandsband um die Oberschenkel. Sie baut mehr Hüftkraft auf, wenn Ihnen die einfache Version leichtfällt.',
 $j$["Legen Sie ein leichtes Widerstandsband um beide Oberschenkel, knapp oberhalb der Knie.",
   "Legen Sie sich auf die Seite, Hüften und Knie gebeugt, die Hüften genau übereinander.",
   "Lassen Sie die Füße zusammen und heben Sie das obere Knie gegen das Band, ohne dass das Becken nach hinten kippt.",
   "Halten Sie kurz und senken Sie das Knie langsam gegen den Zug des Bandes ab.",
   "Machen Sie alle Wiederholungen auf einer Seite und drehen Sie sich dann um."]$j$::jsonb,
 $j$["Prüfen Sie das Band vor dem Üben auf Risse.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000021', 'de',
 'Beinheben in Seitenlage',
 'Sie heben in Seitenlage das gestreckte obere Bein und kräftigen so die äußere Hüfte. Das hält Ihr Becken gerade und entlastet den Rücken.',
 $j$["Legen Sie sich auf die Seite. Das untere Knie ist zur Stabilität gebeugt, das obere Bein gestreckt.",
   "Drehen Sie die Zehen des oberen Beins leicht nach unten zum Boden.",
   "Heben Sie das obere Bein gestreckt nach oben und etwas nach hinten, bis etwa auf Hüfthöhe.",
   "Senken Sie es langsam ab. Lassen Sie das Becken nicht nach hinten kippen.",
   "Machen Sie alle Wiederholungen auf einer Seite und drehen Sie sich dann um."]$j$::jsonb,
 $j$["Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

-- STRETCH --------------------------------------------------------------------------------
('e0000000-0000-4000-8000-000000000022', 'de',
 'Piriformis-Dehnung: in Rückenlage, Beine wie eine 4',
 'Dehnt den Piriformis, einen tiefen Gesäßmuskel. Er liegt dicht am Ischiasnerv und kann ihn reizen, wenn er verspannt ist.',
 $j$["Legen Sie sich auf den Rücken, beide Knie gebeugt, die Füße flach aufgestellt.",
   "Legen Sie einen Knöchel auf das gegenüberliegende Knie, sodass Ihre Beine eine 4 bilden.",
   "Greifen Sie mit beiden Händen hinter den Oberschenkel des nicht überkreuzten Beins und ziehen Sie ihn sanft zur Brust.",
   "Hören Sie auf zu ziehen, sobald Sie eine Dehnung tief im Gesäß des überkreuzten Beins spüren. Halten Sie die Position und atmen Sie langsam.",
   "Lösen Sie die Position und wechseln Sie dann die Seite."]$j$::jsonb,
 $j$["Sie sollten eine Dehnung im Gesäß spüren, keinen stechenden oder einschießenden Schmerz ins Bein.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000023', 'de',
 'Piriformis-Dehnung: Knie zur gegenüberliegenden Schulter',
 'Eine stärkere Piriformis-Dehnung. Wenn Sie das Knie quer über den Körper zur anderen Schulter ziehen, dehnen Sie die tiefen Gesäßmuskeln rund um den Ischiasnerv.',
 $j$["Legen Sie sich auf den Rücken. Das andere Bein bleibt gestreckt oder gebeugt, wenn das angenehmer ist.",
   "Ziehen Sie ein Knie an und halten Sie es mit beiden Händen fest.",
   "Ziehen Sie das Knie sanft quer über den Körper in Richtung der gegenüberliegenden Schulter.",
   "Hören Sie auf zu ziehen, sobald Sie eine Dehnung im Gesäß spüren. Halten Sie die Position und atmen Sie langsam.",
   "Lösen Sie die Position und wechseln Sie dann die Seite."]$j$::jsonb,
 $j$["Ziel ist eine Dehnung im Gesäß, kein Schmerz in der Leiste oder im Bein.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000024', 'de',
 'Piriformis-Dehnung: im Sitzen, Beine wie eine 4',
 'Eine Piriformis-Dehnung im Sitzen, für zu Hause oder am Arbeitsplatz. Wenn Sie sich mit geradem Rücken vorlehnen, wird die Dehnung im Gesäß stärker.',
 $j$["Setzen Sie sich aufrecht auf die vordere Hälfte eines festen Stuhls, beide Füße flach auf dem Boden.",
   "Legen Sie einen Knöchel auf das gegenüberliegende Knie und lassen Sie das überkreuzte Knie zur Seite sinken.",
   "Halten Sie den Rücken gerade und neigen Sie sich langsam aus der Hüfte nach vorn.",
   "Hören Sie auf, sobald Sie eine Dehnung im Gesäß des überkreuzten Beins spüren. Halten Sie die Position und atmen Sie weiter.",
   "Richten Sie sich auf und wechseln Sie dann die Seite."]$j$::jsonb,
 $j$["Neigen Sie sich aus der Hüfte. Machen Sie keinen runden Rücken, um weiter zu kommen.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000025', 'de',
 'Dehnung der Oberschenkelrückseite mit Gurt',
 'Dehnt die Muskeln an der Rückseite des Oberschenkels, während Ihr Rücken gestützt liegt. Verkürzte hintere Oberschenkelmuskeln ziehen am Becken und können den unteren Rücken zusätzlich belasten.',
 $j$["Legen Sie sich auf den Rücken, beide Knie gebeugt. Legen Sie einen Gurt, Gürtel oder ein Handtuch um den Fußballen eines Fußes.",
   "Strecken Sie dieses Bein zur Decke und halten Sie den Gurt mit beiden Händen.",
   "Halten Sie das Knie so gestreckt, wie es angenehm ist, und ziehen Sie sanft, bis Sie eine Dehnung an der Rückseite des Oberschenkels spüren.",
   "Lassen Sie den Fuß locker. Ziehen Sie die Zehen nicht zu sich heran.",
   "Halten Sie die Position und atmen Sie langsam. Senken Sie dann das Bein und wechseln Sie die Seite."]$j$::jsonb,
 $j$["Die Dehnung gehört an die Rückseite des Oberschenkels. Wenn Sie Brennen, Kribbeln oder Schmerzen in der Kniekehle, in der Wade oder im Fuß spüren, senken Sie das Bein, bis es verschwindet.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000026', 'de',
 'Dehnung der Oberschenkelrückseite im Stehen, Ferse auf einer Stufe',
 'Eine Dehnung im Stehen für später, wenn Ihnen die Version im Liegen leichtfällt. Sie passt gut in den Alltag und dehnt die Oberschenkelrückseite, während der Rücken gerade bleibt.',
 $j$["Stellen Sie sich vor eine niedrige Stufe oder die unterste Treppenstufe und halten Sie sich zum Gleichgewicht an einem Geländer oder an der Wand fest.",
   "Stellen Sie eine Ferse auf die Stufe, das Knie gestreckt oder leicht gebeugt.",
   "Halten Sie den Rücken gerade und die Brust aufgerichtet und neigen Sie sich dann aus der Hüfte nach vorn, bis Sie eine Dehnung an der Rückseite des Oberschenkels spüren.",
   "Halten Sie die Position und atmen Sie langsam. Machen Sie keinen runden Rücken und wippen Sie nicht.",
   "Richten Sie sich wieder ganz auf und wechseln Sie dann die Seite."]$j$::jsonb,
 $j$["Die Dehnung gehört an die Rückseite des Oberschenkels. Wenn Sie Brennen oder Kribbeln bis in die Wade oder den Fuß spüren, lassen Sie etwas nach.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000027', 'de',
 'Knie zur Brust: ein Bein',
 'Beugt Ihren unteren Rücken sanft und dehnt die Gesäß- und unteren Rückenmuskeln. Vielen hilft das gegen Steifigkeit, aber nicht für alle mit Ischiasbeschwerden ist es geeignet.',
 $j$["Legen Sie sich auf den Rücken, beide Knie gebeugt, die Füße flach aufgestellt.",
   "Ziehen Sie ein Knie an und halten Sie es mit beiden Händen hinter dem Oberschenkel.",
   "Ziehen Sie das Knie sanft zur Brust, bis Sie eine angenehme Dehnung im unteren Rücken oder im Gesäß spüren.",
   "Halten Sie die Position und atmen Sie langsam. Senken Sie dann das Bein und wechseln Sie die Seite."]$j$::jsonb,
 $j$["Bei manchen Menschen verstärkt das Vorbeugen den Beinschmerz. Wenn Ihr Beinschmerz während oder nach dieser Übung zunimmt, lassen Sie sie weg.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000028', 'de',
 'Knie zur Brust: beide Beine',
 'Wenn Sie beide Knie zur Brust ziehen, wird Ihr unterer Rücken stärker gedehnt. Machen Sie diese Übung, sobald sich die Version mit einem Bein angenehm anfühlt.',
 $j$["Legen Sie sich auf den Rücken, beide Knie gebeugt, die Füße flach aufgestellt.",
   "Ziehen Sie erst ein Knie an, dann das andere, und halten Sie beide hinter den Oberschenkeln.",
   "Ziehen Sie beide Knie sanft zur Brust, bis Sie eine angenehme Dehnung im unteren Rücken spüren.",
   "Halten Sie die Position und atmen Sie langsam.",
   "Stellen Sie die Beine nacheinander wieder auf dem Boden ab."]$j$::jsonb,
 $j$["Bei manchen Menschen verstärkt das Vorbeugen den Beinschmerz. Wenn Ihr Beinschmerz zunimmt, üben Sie wieder mit einem Bein oder lassen Sie die Übung weg.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

-- MOBILITY -------------------------------------------------------------------------------
('e0000000-0000-4000-8000-000000000029', 'de',
 'Katzenbuckel und Pferderücken',
 'Wenn Sie im Vierfüßlerstand den Rücken langsam rund machen und wieder durchhängen lassen, bleibt Ihre Wirbelsäule ohne Belastung in Bewegung. Das lockert Steifigkeit und eignet sich gut zum Aufwärmen.',
 $j$["Gehen Sie in den Vierfüßlerstand: Hände unter den Schultern, Knie unter den Hüften.",
   "Atmen Sie aus und machen Sie den Rücken langsam rund zur Decke hin. Lassen Sie dabei den Kopf hängen.",
   "Lassen Sie dann den Rücken langsam nach unten durchhängen und heben Sie den Kopf, um nach vorn zu schauen.",
   "Bewegen Sie sich sanft zwischen beiden Stellungen hin und her, ohne an einem Ende anzuhalten.",
   "Bleiben Sie in dem Bewegungsumfang, der sich angenehm anfühlt."]$j$::jsonb,
 $j$["Das ist eine Lockerungsübung, keine Dehnung. Gehen Sie nicht in den Schmerz hinein.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000030', 'de',
 'Beckenkippen',
 'Wenn Sie in Rückenlage das Becken sanft kippen, bewegt sich Ihre untere Wirbelsäule in einem kleinen, sicheren Bereich. Das lockert Steifigkeit und ist bei einem Schmerzschub eine gute erste Übung.',
 $j$["Legen Sie sich auf den Rücken, die Knie gebeugt, die Füße flach aufgestellt.",
   "Spannen Sie den Bauch an und drücken Sie den unteren Rücken sanft flach auf den Boden, indem Sie das Becken nach hinten kippen.",
   "Halten Sie das einen Atemzug lang. Lassen Sie dann locker, damit Ihr Rücken in seine natürliche Krümmung zurückkehrt.",
   "Lassen Sie das Gesäß locker und halten Sie die Bewegung klein und fließend."]$j$::jsonb,
 $j$["Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000031', 'de',
 'Knie-Pendel',
 'Wenn Sie die gebeugten Knie sanft von einer Seite zur anderen sinken lassen, lockern Sie unteren Rücken und Hüften mit sehr wenig Kraftaufwand.',
 $j$["Legen Sie sich auf den Rücken, die Knie gebeugt, die Füße flach und geschlossen aufgestellt.",
   "Beide Schultern bleiben auf dem Boden liegen.",
   "Lassen Sie beide Knie langsam zu einer Seite sinken, nur so weit, wie es angenehm ist.",
   "Holen Sie die Knie zurück zur Mitte und lassen Sie sie zur anderen Seite sinken.",
   "Einmal zu jeder Seite zählt als eine Wiederholung."]$j$::jsonb,
 $j$["Halten Sie die Bewegung klein, wenn es im Rücken zieht.",
   "Hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten."]$j$::jsonb),

-- WALKING --------------------------------------------------------------------------------
('e0000000-0000-4000-8000-000000000032', 'de',
 'Gehen: kurze Wege auf ebener Strecke',
 'Kurze, leichte Spaziergänge auf ebenem Boden halten Sie in Bewegung. Das hilft bei Ischiasbeschwerden besser als Bettruhe. Am Anfang sind mehrere kurze Gänge besser als ein langer.',
 $j$["Wählen Sie eine ebene Strecke, drinnen oder draußen, mit Möglichkeiten zum Anhalten und Ausruhen.",
   "Gehen Sie in einem angenehmen Tempo. Richten Sie sich auf und lassen Sie die Arme mitschwingen.",
   "Hören Sie auf, wenn Sie die Zeit aus Ihrem Plan erreicht haben, auch wenn Sie das Gefühl haben, Sie könnten weitergehen.",
   "Verteilen Sie Ihre Gänge über den Tag."]$j$::jsonb,
 $j$["Etwas Unbehagen ist in Ordnung, wenn es innerhalb einer Stunde abklingt und am nächsten Morgen nicht schlimmer ist.",
   "Bleiben Sie stehen und ruhen Sie sich aus, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten. Informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn das immer wieder passiert."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000033', 'de',
 'Gehen: längere Spaziergänge',
 'Längere Spaziergänge ohne Pause bauen Ausdauer und Zutrauen auf, sobald kurze Gänge angenehm sind. Gehen belastet Ihren Rücken sanft und hilft ihm, sich zu erholen.',
 $j$["Planen Sie eine Strecke, für die Sie so lange brauchen, wie in Ihrem Plan angegeben, möglichst auf ebenem Boden.",
   "Gehen Sie in einem gleichmäßigen, angenehmen Tempo. Richten Sie sich auf und lassen Sie die Arme mitschwingen.",
   "Tragen Sie bequeme Schuhe, die guten Halt geben.",
   "Wenn nötig, legen Sie eine kurze Pause ein und gehen Sie dann weiter."]$j$::jsonb,
 $j$["Etwas Unbehagen ist in Ordnung, wenn es innerhalb einer Stunde abklingt und am nächsten Morgen nicht schlimmer ist.",
   "Bleiben Sie stehen und ruhen Sie sich aus, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten. Informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn das immer wieder passiert."]$j$::jsonb),

('e0000000-0000-4000-8000-000000000034', 'de',
 'Gehen: zügiges Gehen',
 'Zügiges Gehen bringt Ihren Puls nach oben und bereitet Sie auf Ihre gewohnten Aktivitäten vor. Sie sollten etwas außer Atem sein, sich aber noch unterhalten können.',
 $j$["Gehen Sie zum Aufwärmen fünf Minuten in einem lockeren Tempo.",
   "Werden Sie dann schneller, bis Sie rascher atmen, aber noch in ganzen Sätzen sprechen können.",
   "Halten Sie dieses Tempo für den größten Teil des Weges. Leichte Steigungen sind in Ordnung, sobald ebener Boden leichtfällt.",
   "Werden Sie in den letzten Minuten langsamer, um abzukühlen."]$j$::jsonb,
 $j$["Etwas Unbehagen ist in Ordnung, wenn es innerhalb einer Stunde abklingt und am nächsten Morgen nicht schlimmer ist.",
   "Bleiben Sie stehen und ruhen Sie sich aus, wenn sich Schmerzen oder Kribbeln weiter ins Bein ausbreiten. Informieren Sie Ihre Therapeutin oder Ihren Therapeuten, wenn das immer wieder passiert."]$j$::jsonb);

-- =======================================================================================
-- Education cards (V6). Titles and bodies in German; the same Markdown shape as the English.
-- "Flare-up" is "Schmerzschub" throughout; cards refer to each other by their German titles.
-- =======================================================================================

insert into education_card_translation (card_id, locale, title, body)
values

-- 01 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000001', 'de',
 'Einen Schmerzschub beruhigen',
$body$Ein Schmerzschub ist eine Phase, in der Ihre Schmerzen oder Beinbeschwerden deutlich stärker sind als sonst. Das kann beunruhigend sein, aber Schmerzschübe gehören bei der Erholung von Ischiasbeschwerden sehr häufig dazu, und die meisten klingen innerhalb weniger Tage ab.

**Ein Schmerzschub ist ein Rückschlag, kein Zeichen dafür, dass Sie wieder bei null anfangen.**

## Die ersten 48 Stunden

- Bleiben Sie sanft in Bewegung. Lange Bettruhe macht Steifigkeit und Schmerzen meist schlimmer. Kurze, leichte Bewegung hilft.
- Lieber kürzer und dafür öfter. Ein Spaziergang von fünf Minuten alle ein bis zwei Stunden ist besser als ein langer Ausflug.
- Nutzen Sie Entlastungshaltungen. Finden Sie die Haltungen, die Ihr Bein beruhigen, zum Beispiel Seitenlage mit einem Kissen zwischen den Knien, und nehmen Sie sie zwischen Ihren Aktivitäten ein.
- Probieren Sie Wärme oder Kälte, wenn es hilft. Eine Wärmflasche oder ein eingewickeltes Kühlpack für 15 bis 20 Minuten ist in Ordnung. Nehmen Sie, was sich besser anfühlt, und legen Sie immer ein Tuch zwischen Wärmflasche oder Kühlpack und Haut.
- Machen Sie mit Ihren leichtesten Übungen weiter. Wählen Sie die sanftesten aus Ihrem Plan, mit weniger Wiederholungen und im angenehmen Bereich. Lassen Sie alles weg, was die Beschwerden weiter ins Bein ziehen lässt.

Tragen Sie Ihre Übungseinheiten und Schmerzwerte weiter in der App ein, auch die kurzen. So sieht Ihre Therapeutin oder Ihr Therapeut, wie es Ihnen geht.

## Wann Sie sich bei Ihrer Therapeutin oder Ihrem Therapeuten melden sollten

- Der Schmerzschub lässt nach drei oder vier Tagen nicht nach
- Ihre Beschwerden breiten sich weiter ins Bein aus
- Sie sind unsicher, welche Übungen Sie weitermachen sollen
- Es fällt Ihnen schwer, zu schlafen oder durch den Tag zu kommen

## Wann Sie sofort Hilfe brauchen

Manche Beschwerden sind kein gewöhnlicher Schmerzschub und müssen noch am selben Tag ärztlich abgeklärt werden. Lesen Sie die Karte „Warnzeichen: Wann Sie sofort Hilfe brauchen“ und nutzen Sie den Warnzeichen-Check in der App, wenn Ihnen etwas davon bekannt vorkommt.$body$),

-- 02 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000002', 'de',
 'Schmerz ist nicht gleich Schaden: Wie viel Schmerz ist in Ordnung?',
$body$Es ist ganz natürlich, sich Sorgen zu machen, dass Schmerzen beim Üben bedeuten, dass Sie sich schaden. Bei Ischiasbeschwerden ist das meist nicht so. Ein empfindlicher Nerv und das Gewebe um ihn herum melden sich lange, bevor irgendetwas Schaden nimmt.

**Schmerz ist nicht dasselbe wie Schaden.**

## Eine einfache Skala von 0 bis 10

Bewerten Sie Ihren Schmerz während einer Übung. 0 bedeutet kein Schmerz, 10 der schlimmste Schmerz, den Sie sich vorstellen können.

- 0 bis 3: in Ordnung. Machen Sie wie geplant weiter.
- 4 bis 5: akzeptabel, solange es bis zum nächsten Morgen wieder abklingt.
- Über 5: im Moment zu viel. Hören Sie mit dieser Übung auf oder machen Sie weniger Wiederholungen oder eine kleinere Bewegung, und sagen Sie Ihrer Therapeutin oder Ihrem Therapeuten Bescheid, wenn das immer wieder vorkommt.

Etwas Unbehagen beim Üben ist zu erwarten, besonders am Anfang oder nachdem Ihr Plan gesteigert wurde. Entscheidend ist vor allem, wie Ihr Körper am nächsten Tag reagiert.

## Der Check am nächsten Morgen

Vergleichen Sie nach dem Aufwachen Ihre Schmerzen und Ihre Steifigkeit mit dem Vortag.

- Gleich oder besser: Ihr Körper ist gut damit zurechtgekommen. Machen Sie weiter, Ihr Plan wird vielleicht etwas gesteigert.
- Schlechter: Das war etwas zu viel. Nehmen Sie beim nächsten Mal etwas zurück, mit weniger Wiederholungen oder einer leichteren Version, und steigern Sie sich dann wieder.

Die App fragt Sie jeden Morgen danach. Antworten Sie bitte ehrlich. Ihre Antworten helfen Ihrer Therapeutin oder Ihrem Therapeuten, das richtige Maß für Sie zu finden.

## Eine Ausnahme

Wenn eine Übung Ihre Beschwerden weiter ins Bein ausbreiten lässt, hören Sie mit dieser Übung auf, auch wenn der Schmerzwert niedrig ist, und sagen Sie Ihrer Therapeutin oder Ihrem Therapeuten Bescheid.$body$),

-- 03 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000003', 'de',
 'Nervenschmerz einfach erklärt',
$body$Ischias ist keine eigene Diagnose. Der Begriff beschreibt Schmerzen, die dem Verlauf des Ischiasnervs folgen.

## Was dabei passiert

Der Ischiasnerv ist der größte Nerv Ihres Körpers. Er entsteht aus mehreren Nervenwurzeln, die Ihre untere Wirbelsäule verlassen. Diese vereinigen sich und ziehen durch das Gesäß und an der Rückseite des Beins hinunter bis in den Fuß.

Wird eine dieser Wurzeln gereizt oder eingeengt, zum Beispiel durch eine vorgewölbte Bandscheibe oder geschwollenes Gewebe in der Nähe, wird sie empfindlich. Ihr Gehirn spürt das Problem dann im ganzen Versorgungsgebiet des Nervs, nicht nur dort, wo die Reizung sitzt. Deshalb kann die Ursache im Rücken liegen, während Sie die Beschwerden im Gesäß, im Oberschenkel, in der Wade oder im Fuß spüren.

Nervenschmerz kann sich anders anfühlen als andere Schmerzen. Sie bemerken vielleicht:

- Brennende, einschießende oder elektrisierende Schmerzen
- Ameisenlaufen oder Kribbeln
- Taube Stellen
- Ein Schwere- oder Schwächegefühl im Bein

## In welche Richtung wandern Ihre Beschwerden?

Wo Sie Beschwerden spüren, kann sich von Tag zu Tag ändern. Die Richtung verrät Ihnen und Ihrer Therapeutin oder Ihrem Therapeuten viel.

**Wenn Ihre Beschwerden zurück zur Wirbelsäule wandern, ist das ein gutes Zeichen, auch wenn sich Ihr Rücken eine Zeit lang etwas schmerzhafter anfühlt.** Das nennt man Zentralisierung, und meist bedeutet es, dass sich der Nerv beruhigt.

Wenn sich Ihre Beschwerden weiter ins Bein ausbreiten, hören Sie mit der Übung oder Tätigkeit auf, die das auszulösen scheint, und informieren Sie Ihre Therapeutin oder Ihren Therapeuten. Das heißt nicht, dass Sie etwas beschädigt haben. Es heißt, dass diese Bewegung im Moment nicht die richtige für Sie ist und Ihr Plan vielleicht einen Schritt zurückgehen muss.

Bei den meisten Menschen mit Ischiasbeschwerden bessert sich der Zustand innerhalb von Wochen bis Monaten, und aktiv zu bleiben ist eine der besten Hilfen dabei.$body$),

-- 04 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000004', 'de',
 'Besser sitzen',
$body$Langes Sitzen verstärkt Ischiasbeschwerden oft. Sie müssen Stühle nicht meiden, aber ein paar kleine Änderungen können viel bewirken.

## Unterbrechen Sie das Sitzen

**Stehen Sie alle 20 bis 30 Minuten auf und bewegen Sie sich, auch wenn es nur für eine Minute ist.**

- Stehen Sie auf, gehen Sie in die Küche oder machen Sie im Stehen ein paar sanfte Rückbeugen
- Stellen Sie sich eine leise Erinnerung am Handy oder Computer ein
- Telefonieren Sie im Stehen oder Gehen
- Planen Sie auf langen Autofahrten etwa jede Stunde einen Halt ein, um auszusteigen und ein paar Schritte zu gehen

## Richten Sie Ihren Stuhl ein

- Setzen Sie sich ganz nach hinten auf die Sitzfläche, damit Ihr Rücken gestützt ist
- Die Hüften sind auf Höhe der Knie oder etwas höher
- Die Füße stehen flach auf dem Boden oder auf einer Fußstütze
- Stellen Sie den Bildschirm auf Augenhöhe und die Tastatur nah heran, damit Sie sich nicht nach vorn beugen
- Meiden Sie sehr weiche, niedrige Sofas für längere Zeit

## Probieren Sie eine Lendenrolle

Ein kleines Kissen oder ein zusammengerolltes Handtuch in der Kuhle Ihres unteren Rückens, etwa auf Gürtelhöhe, hilft Ihnen, mühelos ein leichtes Hohlkreuz zu halten. Vielen Menschen mit Ischiasbeschwerden lindert das im Sitzen die Beinbeschwerden. Das funktioniert auch im Auto.

## Aufstehen vom Stuhl

1. Rutschen Sie nach vorn an die Vorderkante der Sitzfläche.
2. Stellen Sie die Füße hüftbreit auf, einen Fuß etwas hinter dem anderen.
3. Halten Sie den Rücken möglichst gerade und neigen Sie sich aus der Hüfte nach vorn.
4. Drücken Sie sich mit den Beinen hoch. Stützen Sie sich dabei mit den Händen auf den Oberschenkeln oder den Armlehnen ab, wenn Sie das brauchen.

Zum Hinsetzen gehen Sie die Schritte umgekehrt durch. Lassen Sie sich Zeit, es eilt nicht.$body$),

-- 05 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000005', 'de',
 'Schlafpositionen, die helfen',
$body$Guter Schlaf hilft Ihrem Körper, sich zu erholen, aber mit Ischiasbeschwerden ist es oft schwer, eine bequeme Lage zu finden. Die eine beste Position gibt es nicht. Probieren Sie diese Vorschläge aus und behalten Sie bei, was Ihnen guttut.

## In Seitenlage

- Legen Sie sich auf die Seite und beugen Sie die Knie leicht
- Legen Sie ein Kissen zwischen die Knie, damit das obere Bein Hüfte und Rücken nicht aus der Linie zieht
- Viele liegen lieber auf der schmerzfreien Seite, aber probieren Sie beide Seiten aus

## In Rückenlage

- Legen Sie ein oder zwei Kissen unter die Knie
- Das entlastet den unteren Rücken und den Nerv
- Auch ein kleines zusammengerolltes Handtuch unter dem unteren Rücken kann helfen

## In Bauchlage

Manche liegen gern auf dem Bauch, vor allem wenn Rückbeugen ihre Beschwerden lindert. Ein dünnes Kissen unter dem Bauch kann helfen. Wenn Ihr Bein dadurch schlechter wird, wählen Sie eine andere Position.

## Ins Bett und aus dem Bett: am Stück drehen

Verdrehen und gerades Aufsitzen können einen stechenden Schmerz auslösen. Versuchen Sie stattdessen, sich wie aus einem Stück zu bewegen.

Aufstehen:

1. Beugen Sie die Knie und drehen Sie sich auf die Seite. Schultern und Becken bewegen sich dabei gemeinsam.
2. Lassen Sie die Füße über die Bettkante gleiten.
3. Drücken Sie sich mit den Armen seitlich hoch, während die Beine zum Boden sinken.

Hinlegen: in umgekehrter Reihenfolge. Setzen Sie sich auf die Bettkante, lassen Sie sich mit Hilfe der Arme auf die Seite sinken, heben Sie die Beine ins Bett und drehen Sie sich dann auf den Rücken, wenn Sie möchten.

## Während eines Schmerzschubs

Bei einem Schmerzschub sind die Schmerzen nachts oft stärker. Wechseln Sie die Position, wann immer Sie es brauchen. Wenn Sie steif aufwachen, helfen ein paar sanfte Bewegungen vor dem Aufstehen. Sagen Sie Ihrer Therapeutin oder Ihrem Therapeuten Bescheid, wenn Sie schlecht schlafen.$body$),

-- 06 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000006', 'de',
 'Den Tag gut einteilen',
$body$An einem guten Tag ist die Versuchung groß, alles nachzuholen. An einem schlechten Tag tun Sie vielleicht fast gar nichts. Eine gute Einteilung Ihrer Kräfte hilft Ihnen, aus diesem Muster herauszukommen.

## Der Kreislauf aus Übertreiben und Zusammenbrechen

- Es geht Ihnen besser, also machen Sie viel: einen großen Einkauf, Gartenarbeit, eine lange Autofahrt
- Der Schmerz flammt auf, also ruhen Sie sich einen oder zwei Tage aus
- Sie verlieren Kondition und Zutrauen, und alles fällt schwerer
- Es geht Ihnen wieder besser, und der Kreislauf beginnt von vorn

Mit der Zeit führt dieser Kreislauf dazu, dass Sie weniger tun statt mehr.

## Finden Sie Ihr Grundmaß

Ihr Grundmaß ist die Menge einer Tätigkeit, die Sie an einem guten wie an einem schlechten Tag schaffen, ohne dass danach ein Schmerzschub folgt. So finden Sie es:

- Achten Sie darauf, wie lange Sie etwas bequem tun können, zum Beispiel gehen, stehen oder sitzen
- Nehmen Sie etwas weniger als diese Zeit als Ausgangspunkt
- Das kommt Ihnen vielleicht wenig vor. Das ist in Ordnung. Es soll leicht sein.

## Planen, tun, pausieren

- Planen Sie Ihren Tag im Voraus. Verteilen Sie schwerere Arbeiten über die Woche, statt alles auf einmal zu erledigen.
- Erledigen Sie jede Aufgabe in Abschnitten, die innerhalb Ihres Grundmaßes bleiben.
- Machen Sie Pause oder wechseln Sie die Tätigkeit, bevor der Schmerz Sie dazu zwingt. Ändern Sie Ihre Haltung, gehen Sie ein paar Schritte oder wechseln Sie zu einer anderen Art von Aufgabe.

**Hören Sie auf, solange Sie noch das Gefühl haben, ein bisschen mehr zu schaffen.**

## Langsam steigern

Wenn sich Ihr Grundmaß etwa eine Woche lang stabil anfühlt, steigern Sie es ein wenig, zum Beispiel um ein paar Minuten oder einen Abschnitt mehr. Kleine, regelmäßige Schritte bringen Sie schneller voran als große Sprünge mit Rückschlägen.

Bei der Arbeit gilt dasselbe: Teilen Sie lange Aufgaben in Abschnitte, wechseln Sie zwischen Sitzen und Stehen ab und sprechen Sie mit Ihrer Vorgesetzten oder Ihrem Vorgesetzten über kurze, regelmäßige Pausen.$body$),

-- 07 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000007', 'de',
 'Gehen für die Genesung',
$body$Gehen ist eines der einfachsten und nützlichsten Dinge, die Sie bei Ischiasbeschwerden tun können. Es hält Rücken und Beine in Bewegung, hilft dem Nerv zu gleiten und hebt die Stimmung. Sie brauchen dafür keine Ausrüstung.

**Kurze, häufige Spaziergänge helfen meist mehr als ein langer.**

## Der Anfang

- Beginnen Sie mit einer Strecke, die Sie gut schaffen, auch wenn das nur fünf Minuten sind
- Gehen Sie, wenn möglich, zwei- bis dreimal am Tag
- Wählen Sie anfangs ebenen, gleichmäßigen Boden. Steigungen und unebene Wege kommen später
- Tragen Sie bequeme Schuhe, die guten Halt geben

## So gehen Sie

- Richten Sie sich auf, als würde ein Faden Sie sanft am Scheitel nach oben ziehen
- Schauen Sie nach vorn, nicht auf Ihre Füße
- Lassen Sie die Arme natürlich mitschwingen
- Machen Sie angenehme Schritte in einem entspannten Tempo. Kürzere Schritte können helfen, wenn längere im Bein ziehen

## Steigern

Wenn sich ein Spaziergang ein paar Tage lang leicht anfühlt, hängen Sie ein paar Minuten an. Bleiben Sie gleichmäßig, statt vorzupreschen. Wenn Ihre Therapeutin oder Ihr Therapeut in der App ein Gehprogramm eingerichtet hat, halten Sie sich an die dort angegebenen Minuten und tragen Sie jeden Spaziergang ein.

## Wenn die Beinbeschwerden beim Gehen zunehmen

- Gehen Sie langsamer und machen Sie kürzere Schritte
- Bleiben Sie stehen und richten Sie sich einen Moment auf, oder lehnen Sie sich mit den Händen an den Hüften sanft nach hinten, wenn das die Beschwerden lindert
- Manchen hilft es, sich kurz hinzusetzen oder sich vorgebeugt auf ein Geländer oder eine Bank zu stützen
- Gehen Sie in einem leichteren Tempo nach Hause und machen Sie den nächsten Spaziergang etwas kürzer

Wenn sich die Beschwerden weiter ins Bein ausbreiten oder Ihr Bein sich schwach anfühlt oder Ihr Fuß am Boden hängen bleibt, hören Sie auf und informieren Sie Ihre Therapeutin oder Ihren Therapeuten. Wenn die Schwäche zunimmt, lesen Sie die Karte „Warnzeichen: Wann Sie sofort Hilfe brauchen“.$body$),

-- 08 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000008', 'de',
 'Warnzeichen: Wann Sie sofort Hilfe brauchen',
$body$Fast alle Ischiasbeschwerden sind nicht gefährlich, auch wenn sie sehr schmerzhaft sind, und bessern sich mit der Zeit und den richtigen Übungen. In seltenen Fällen weisen Beschwerden aber auf etwas hin, das schnell ärztlich behandelt werden muss. Wenn Sie die Warnzeichen kennen, können Sie rasch handeln.

**Wenn Sie eines dieser Zeichen bemerken, hören Sie mit Ihren Übungen auf und holen Sie sich noch heute ärztliche Hilfe. Warten Sie nicht bis zu Ihrem nächsten Termin.**

## Sofort Notfallhilfe holen

Diese Zeichen können bedeuten, dass Druck auf den Nerven liegt, die Blase, Darm und Beine steuern:

- Taubheit oder Kribbeln im Reithosenbereich: zwischen den Beinen, um den After oder die Genitalien oder an den Innenseiten der Oberschenkel
- Neue Probleme mit Blase oder Darm, zum Beispiel Schwierigkeiten beim Wasserlassen, kein Gefühl dafür, wann Sie zur Toilette müssen, oder ungewollter Verlust von Urin oder Stuhl
- Ischiasbeschwerden in beiden Beinen gleichzeitig
- Eine Schwäche im Bein, die zunimmt
- Fußheberschwäche: Ihr Fuß klatscht beim Gehen auf oder Ihre Zehen bleiben am Boden hängen

Gehen Sie in eine Notaufnahme oder rufen Sie den Notruf.

## Noch am selben Tag zur Ärztin oder zum Arzt

- Fieber oder ein allgemeines Krankheitsgefühl zusätzlich zu den Rückenschmerzen
- Gewichtsverlust, den Sie sich nicht erklären können
- Eine frühere Krebserkrankung, zusammen mit neuen Rückenschmerzen
- Nächtliche Schmerzen, die sich nicht ändern, wenn Sie sich bewegen oder die Lage wechseln
- Rückenschmerzen, die nach einem Sturz, Unfall oder einer anderen Verletzung begonnen haben

## Nutzen Sie den Warnzeichen-Check

Wenn Ihnen etwas davon bekannt vorkommt, füllen Sie den Warnzeichen-Check in der App aus. Er benachrichtigt Ihr Behandlungsteam, ersetzt aber nicht die ärztliche Hilfe. Bitte holen Sie sich zusätzlich selbst sofort Hilfe.

Wenn Sie unsicher sind, lassen Sie sich lieber untersuchen. Keine Ärztin, kein Arzt, keine Therapeutin und kein Therapeut wird Ihnen das übel nehmen.$body$),

-- 09 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000009', 'de',
 'Warum Bewegung hilft',
$body$Wenn Sie Schmerzen haben, scheint Schonung die sicherste Wahl zu sein. Bei Ischiasbeschwerden gehören die richtigen Übungen aber zu den besten Behandlungen überhaupt. Ihre Übungen für zu Hause sind das Herzstück Ihrer Genesung.

## Was Ihre Übungen bewirken

- Kraft für eine stabilere Wirbelsäule. Kräftigere Muskeln an Rumpf und Hüften stützen Ihren unteren Rücken und nehmen Druck von empfindlichem Gewebe.
- Der Nerv bleibt beweglich. Ihr Ischiasnerv muss bei jeder Bewegung gleiten können. Sanfte Nervenübungen helfen ihm dabei, frei zu gleiten, und das kann Kribbeln und Ziehen im Bein lindern.
- Weniger Steifigkeit. Dehn- und Mobilisationsübungen lockern verspannte Muskeln und Gelenke, sodass alltägliche Bewegungen leichter fallen.
- Neues Vertrauen. Jede Übungseinheit zeigt Ihnen, dass Ihr Rücken sich bewegen und belastet werden kann. Weniger Angst vor Bewegung ist ein großer Teil der Besserung.

## Schritt für Schritt

Ihr Plan beginnt auf einer Stufe, die Sie schaffen, und wird mit der Zeit etwas anspruchsvoller, zum Beispiel durch ein paar Wiederholungen mehr, längeres Halten oder die nächste Übung einer Reihe. **Kleine, stetige Schritte bringen die Veränderung.**

Fortschritt verläuft selten geradlinig. Manche Wochen fühlen sich besser an als andere, und das ist normal.

## Die App passt sich Ihnen an

Nach jeder Übungseinheit tragen Sie Ihren Schmerz ein, und jeden Morgen sagen Sie der App, wie es Ihnen geht. Ihre Therapeutin oder Ihr Therapeut entscheidet anhand dieser Angaben, wann Ihr Plan gesteigert wird, gleich bleibt oder zurückgenommen wird. Deshalb sind ehrliche Angaben wichtig, an guten wie an schlechten Tagen.

## So holen Sie am meisten heraus

- Üben Sie an den Tagen, die Ihr Plan vorsieht, auch bei kurzen Einheiten
- Qualität geht vor Menge: langsam und kontrolliert
- Wenn sich etwas nicht richtig anfühlt, sagen Sie es Ihrer Therapeutin oder Ihrem Therapeuten. Sie können jederzeit Fragen stellen.$body$),

-- 10 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000010', 'de',
 'Dem nächsten Schmerzschub vorbeugen',
$body$Zu lernen, wie Sie selbst mit Ihrem Rücken umgehen, ist eines der wertvollsten Dinge, die Sie aus Ihrer Behandlung mitnehmen. Schmerzschübe können weiterhin vorkommen, aber Sie können dafür sorgen, dass sie seltener auftreten und kürzer bleiben, wenn sie doch kommen.

## Bleiben Sie mit einem Erhaltungsprogramm dran

Wenn es Ihnen besser geht, geraten die Übungen schnell in Vergessenheit. Ein kurzes Programm, das Sie langfristig beibehalten, sichert die Fortschritte, die Sie gemacht haben.

- Wählen Sie die drei oder vier Übungen aus, die Ihnen am meisten helfen
- Machen Sie sie zwei- bis dreimal pro Woche, auch wenn es Ihnen gut geht
- Gehen Sie weiter spazieren und bleiben Sie auf eine Weise aktiv, die Ihnen Freude macht
- Bitten Sie Ihre Therapeutin oder Ihren Therapeuten, Ihr Programm mit Ihnen zusammenzustellen, bevor die Behandlung endet

## Erkennen Sie Ihre frühen Warnsignale

Die meisten Schmerzschübe kündigen sich an. Bei Ihnen könnten das sein:

- Morgendliche Steifigkeit, die länger anhält
- Ein vertrauter Schmerz oder ein Kribbeln, das im Gesäß oder Bein wiederkommt
- Es fällt Ihnen schwerer, so lange wie sonst zu sitzen oder zu stehen
- Eine anstrengende oder stressige Phase oder schlechter Schlaf

**Handeln Sie früh: Kleine Änderungen beim ersten Anzeichen verhindern oft, dass ein Schmerzschub größer wird.**

## Schreiben Sie Ihren persönlichen Schmerzschub-Plan

Schreiben Sie jetzt, solange es Ihnen gut geht, einen kurzen Plan und speichern Sie ihn auf Ihrem Handy. Er könnte Folgendes enthalten:

- Die Positionen, die Ihren Schmerz lindern
- Zwei oder drei sanfte Übungen, die immer helfen
- Wie Sie Ihre Aktivitäten ein paar Tage lang zurückfahren und dann wieder steigern
- Ob Ihnen Wärme oder Kälte besser hilft
- Wann Sie sich bei Ihrer Therapeutin oder Ihrem Therapeuten melden

## Denken Sie daran, was beim letzten Mal geholfen hat

Nehmen Sie sich nach jedem Schmerzschub eine Minute Zeit und notieren Sie, was ihn ausgelöst haben könnte und was am meisten geholfen hat. Mit der Zeit lernen Sie Ihr eigenes Muster kennen, und Ihr Plan wird immer besser.$body$),

-- 11 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000011', 'de',
 'Heben und Bücken mit Zuversicht',
$body$Sie müssen nicht für immer auf Bücken oder Heben verzichten. Ihr Rücken ist stark und für Bewegung gemacht. Solange sich Ihre Ischiasbeschwerden beruhigen, helfen Ihnen aber ein paar Gewohnheiten, alltägliche Aufgaben angenehm zu erledigen.

**Bücken ist nicht gefährlich. Das Ziel ist, es langsam wieder aufzubauen, nicht, es zu vermeiden.**

## Bevor Sie heben

- Prüfen Sie zuerst das Gewicht. Teilen Sie eine schwere Last in kleinere auf oder bitten Sie um Hilfe
- Räumen Sie den Weg frei, damit Sie sich nicht verdrehen oder um Dinge herumstrecken müssen
- Halten Sie die Aufgabe kurz und machen Sie bei wiederholtem Heben Pausen

## So heben Sie

- Stellen Sie sich nah an den Gegenstand, die Füße etwa hüftbreit auseinander
- Beugen Sie Hüften und Knie und halten Sie den Rücken in einer angenehmen Stellung
- Spannen Sie den Bauch leicht an, so wie Sie es bei Ihren Übungen trainieren
- Halten Sie die Last nah am Körper
- Heben Sie gleichmäßig, ohne Ruck
- Drehen Sie sich mit den Füßen, statt den Rücken zu verdrehen

## Bücken im Alltag

- Arbeiten weit unten: Knien Sie sich auf ein Knie oder setzen Sie sich auf einen niedrigen Hocker, statt lange gebückt zu stehen
- Spüle und Arbeitsplatte: Öffnen Sie den Schrank darunter und stellen Sie einen Fuß auf den untersten Einlegeboden, oder stellen Sie sich nah heran
- Schuhe und Socken: Setzen Sie sich hin und bringen Sie den Fuß zu sich heran
- Waschmaschine oder Spülmaschine ausräumen: Nehmen Sie immer nur ein paar Teile auf einmal heraus und richten Sie sich zwischendurch auf

## Bei der Arbeit

Wenn Sie bei der Arbeit heben müssen, sprechen Sie mit Ihrer Vorgesetzten oder Ihrem Vorgesetzten oder mit dem betriebsärztlichen Dienst. Leichtere oder geteilte Aufgaben für eine Weile und eine schrittweise Rückkehr zu allen Tätigkeiten helfen oft. Ihre Therapeutin oder Ihr Therapeut kann Sie beraten, was zu Ihnen passt.

Wenn Heben die Beschwerden weiter ins Bein ausbreiten lässt, nehmen Sie sich zurück und informieren Sie Ihre Therapeutin oder Ihren Therapeuten.$body$),

-- 12 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000012', 'de',
 'Entspannt Auto fahren',
$body$Beim Autofahren kommen langes Sitzen, Vibrationen und das Umdrehen beim Schulterblick zusammen. Das kann Ischiasbeschwerden verstärken. Ein paar einfache Änderungen machen Fahrten leichter.

## Stellen Sie Ihren Sitz ein

- Schieben Sie den Sitz so weit nach vorn, dass Sie die Pedale ganz durchtreten können, ohne das Bein ganz durchzustrecken
- Sitzen Sie aufrecht, die Rückenlehne nur leicht nach hinten geneigt
- Die Hüften sind auf Höhe der Knie oder etwas höher. In einem niedrigen Sitz kann ein festes Kissen helfen
- Nutzen Sie die Lendenwirbelstütze oder ein kleines Kissen oder zusammengerolltes Handtuch auf Gürtelhöhe
- Stellen Sie die Spiegel erst ein, wenn Sie bequem sitzen, damit Sie sich zum Sehen nicht vorbeugen oder verdrehen müssen

## Unterwegs

- Planen Sie Pausen ein. Halten Sie alle 45 bis 60 Minuten an, um auszusteigen, ein paar Schritte zu gehen und sich zu dehnen. An einem schlechten Tag halten Sie öfter an
- Verändern Sie ab und zu ein wenig Ihre Sitzposition und drücken Sie den Rücken sanft in die Lehne
- Vermeiden Sie während eines Schmerzschubs lange Fahrten, wenn es sich einrichten lässt
- Nutzen Sie den Tempomat, wo es sicher ist, um Ihr rechtes Bein zu entlasten

## Ein- und Aussteigen

- Einsteigen: Stellen Sie sich mit dem Rücken zum Sitz, setzen Sie sich und schwenken Sie dann beide Beine zusammen hinein. Drehen Sie dabei Becken und Schultern gemeinsam
- Aussteigen: umgekehrt. Schwenken Sie beide Beine zusammen hinaus und stehen Sie dann auf. Halten Sie sich bei Bedarf am Türrahmen fest

## Dürfen Sie fahren?

**Fahren Sie nur, wenn Sie sich frei bewegen und schnell reagieren können, auch bei einer Vollbremsung im Notfall.** Starke Schmerzen, Taubheit oder Schwäche im Bein oder Schmerzmittel, die müde machen, können das beeinträchtigen. Wenn Sie unsicher sind, fragen Sie vor dem Fahren Ihre Therapeutin oder Ihren Therapeuten oder Ihre Ärztin oder Ihren Arzt.$body$);
