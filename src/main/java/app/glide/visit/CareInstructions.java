package app.glide.visit;

import app.glide.language.LanguageChoice;
import app.glide.language.RuleTexts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a patient is told to do after a visit, from what was done in the clinic, in our own
 * plain words, saying only what docs/domain notes (shared/domain.md) support. Plain Java. A
 * taped area gets how long to wear the tape, when to take it off early (itching, redness,
 * burning, blisters) and that showering is fine; needling or manual therapy gets that soreness
 * for 24-48 hours is expected and normal, that the red flags (saddle numbness, bladder or bowel
 * change, symptoms in both legs, worsening leg weakness, foot drop) need same-day medical care,
 * and that only pain getting worse otherwise goes to the clinic. Each instruction applies from
 * the treatment until the tape comes off or the soreness should be over: the clinic's soreness
 * window, never less than the 48 hours the text speaks of. The wording is in {@link RuleTexts}
 * (English and German).
 */
public final class CareInstructions {

    public static final String TAPING = "TAPING";
    public static final String SORENESS_EXPECTED = "SORENESS_EXPECTED";
    public static final String WHEN_TO_CONTACT = "WHEN_TO_CONTACT";

    /** The soreness the text describes lasts up to this long. */
    public static final Duration SORENESS_DESCRIBED = Duration.ofHours(48);

    private CareInstructions() {
    }

    public record Instruction(String code, String title, String text, Instant appliesFrom, Instant appliesUntil) {

        public boolean appliesAt(Instant at) {
            return !at.isBefore(appliesFrom) && at.isBefore(appliesUntil);
        }
    }

    /** The instructions for one visit's interventions, in English; times in the text are in the patient's {@code zone}. */
    public static List<Instruction> of(List<Intervention> interventions, ZoneId zone, int sorenessWindowHours) {
        return of(interventions, zone, sorenessWindowHours, LanguageChoice.ENGLISH);
    }

    /** The same in one of our shipped languages ({@link RuleTexts}; any other gets English). */
    public static List<Instruction> of(List<Intervention> interventions, ZoneId zone, int sorenessWindowHours,
                                       String language) {
        List<Instruction> out = new ArrayList<>();
        Instant firstSore = null;
        Instant lastSore = null;
        boolean needling = false;
        boolean manual = false;
        for (Intervention iv : interventions) {
            if (iv.type() == Intervention.Type.KINESIOLOGY_TAPING && iv.taping() != null) {
                out.add(taping(iv.taping(), zone, language));
            } else if (iv.type().mayLeaveSoreness()) {
                needling |= iv.type() == Intervention.Type.DRY_NEEDLING;
                manual |= iv.type() == Intervention.Type.MANUAL_THERAPY;
                firstSore = firstSore == null || iv.givenAt().isBefore(firstSore) ? iv.givenAt() : firstSore;
                lastSore = lastSore == null || iv.givenAt().isAfter(lastSore) ? iv.givenAt() : lastSore;
            }
        }
        if (firstSore != null) {
            Duration window = Duration.ofHours(sorenessWindowHours);
            Instant until = lastSore.plus(window.compareTo(SORENESS_DESCRIBED) > 0 ? window : SORENESS_DESCRIBED);
            String what = RuleTexts.text(language,
                    needling && manual ? "care.what.both" : needling ? "care.what.needling" : "care.what.manual");
            out.add(new Instruction(SORENESS_EXPECTED, RuleTexts.text(language, "care.soreness.title"),
                    RuleTexts.text(language, "care.soreness.text", Map.of("what", what)), firstSore, until));
            out.add(new Instruction(WHEN_TO_CONTACT, RuleTexts.text(language, "care.contact.title"),
                    RuleTexts.text(language, "care.contact.text"), firstSore, until));
        }
        out.sort(Comparator.comparing(Instruction::appliesFrom).thenComparing(Instruction::code));
        return List.copyOf(out);
    }

    private static Instruction taping(Intervention.Taping tape, ZoneId zone, String language) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern(RuleTexts.text(language, "care.taping.when"),
                RuleTexts.locale(RuleTexts.SHIPPED.contains(language) ? language : LanguageChoice.ENGLISH));
        return new Instruction(TAPING, RuleTexts.text(language, "care.taping.title", Map.of("region", tape.region())),
                RuleTexts.text(language, "care.taping.text", Map.of("until", when.format(tape.wearUntil().atZone(zone)))),
                tape.appliedAt(), tape.wearUntil());
    }
}
