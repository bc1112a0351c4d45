package app.glide.message;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds red-flag symptoms (saddle numbness, a new bladder or bowel change, worsening weakness,
 * symptoms in both legs) in a patient's message, from the phrases of the {@code red_flag_phrase}
 * table. Plain Java; the phrase list is data.
 *
 * <p>How a phrase matches: the message and the phrase are normalised the same way
 * ({@link #normalise}: lower case, accents and umlauts stripped, {@code ß} as {@code ss},
 * spelled-out umlauts {@code ae/oe/ue} as the plain vowel, apostrophes dropped, any other
 * non-letter a word break). The phrase's words must then start consecutive words of the
 * message: {@code beide bein} finds "beiden Beinen", {@code incontinen} finds "incontinence".
 * Sentence punctuation ({@code . , ; : ! ?}) ends a clause; a phrase never spans two.
 *
 * <p>Negation, on purpose narrow: an occurrence directly preceded by a negation word in the
 * same clause ("no numbness in my groin", "keine Taubheit im Intimbereich", "not getting
 * weaker") is not a mention; a loss said with a negation ("keine Kontrolle über die Blase",
 * "no feeling between my legs") is a phrase of its own, so the denial check never hides it.
 * Anything looser ("I don't think my legs are getting weaker") still
 * alerts: over-alerting is the safe side, and the care team reads the message.
 */
public final class RedFlagPhrases {

    /** One row of {@code red_flag_phrase}. */
    public record Phrase(String language, String phrase, String symptom) {
    }

    /** A symptom found, with the phrase that found it. */
    public record Match(String symptom, String phrase) {
    }

    /** Words that, directly before a phrase, make it a denial (compared in normalised form). */
    static final Set<String> NEGATIONS = Set.of("no", "not", "without", "never", "nor", "don't", "didn't", "doesn't",
            "kein", "keine", "keinen", "keiner", "keinem", "nicht", "ohne", "nie").stream()
            .map(RedFlagPhrases::normalise).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private record Compiled(Phrase source, String[] words) {
    }

    private final List<Compiled> phrases;

    public RedFlagPhrases(List<Phrase> phrases) {
        List<Compiled> out = new ArrayList<>();
        for (Phrase p : phrases) {
            String n = normalise(p.phrase()).replace("|", " ").strip();
            if (!n.isEmpty()) {
                out.add(new Compiled(p, n.split(" +")));
            }
        }
        this.phrases = List.copyOf(out);
    }

    /** The symptoms the text mentions (each once, in phrase order), with the first phrase that found each. */
    public List<Match> find(String text) {
        List<String[]> clauses = new ArrayList<>();
        for (String clause : normalise(text).split("\\|")) {
            String c = clause.strip();
            if (!c.isEmpty()) {
                clauses.add(c.split(" +"));
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Match> found = new ArrayList<>();
        for (Compiled p : phrases) {
            if (seen.contains(p.source().symptom())) {
                continue;
            }
            for (String[] words : clauses) {
                if (mentions(words, p.words())) {
                    seen.add(p.source().symptom());
                    found.add(new Match(p.source().symptom(), p.source().phrase()));
                    break;
                }
            }
        }
        return found;
    }

    private static boolean mentions(String[] words, String[] phrase) {
        for (int i = 0; i + phrase.length <= words.length; i++) {
            boolean all = true;
            for (int k = 0; k < phrase.length && all; k++) {
                all = words[i + k].startsWith(phrase[k]);
            }
            if (all && !(i > 0 && NEGATIONS.contains(words[i - 1]))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lower case, accents stripped (é → e, ä → a), ß → ss, ae/oe/ue → a/o/u, apostrophes dropped,
     * sentence punctuation as {@code |}, every other non-letter, non-digit a single space.
     */
    public static String normalise(String text) {
        String s = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace("ß", "ss")
                .replace("ae", "a").replace("oe", "o").replace("ue", "u")
                .replaceAll("['’ʼ`´]", "")
                .replaceAll("[.,;:!?]+", " | ")
                .replaceAll("[^\\p{L}\\p{N}|]+", " ");
        return s.replaceAll(" +", " ").strip();
    }
}
