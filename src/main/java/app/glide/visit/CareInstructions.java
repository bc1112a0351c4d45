package app.glide.visit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a patient is told to do after a visit, from what was done in the clinic, in our own
 * plain words, saying only what docs/domain notes (shared/domain.md) support. Plain Java. A
 * taped area gets how long to wear the tape, when to take it off early (itching, redness,
 * burning, blisters) and that showering is fine; needling or manual therapy gets that soreness
 * for 24-48 hours is expected and normal, that the red flags (saddle numbness, bladder or bowel
 * change, symptoms in both legs, worsening leg weakness, foot drop) need same-day medical care,
 * and that only pain getting worse otherwise goes to the clinic. Each instruction applies from
 * the treatment until the tape comes off or the soreness should be over: the clinic's soreness
 * window, never less than the 48 hours the text speaks of.
 */
public final class CareInstructions {

    public static final String TAPING = "TAPING";
    public static final String SORENESS_EXPECTED = "SORENESS_EXPECTED";
    public static final String WHEN_TO_CONTACT = "WHEN_TO_CONTACT";

    /** The soreness the text describes lasts up to this long. */
    public static final Duration SORENESS_DESCRIBED = Duration.ofHours(48);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    private CareInstructions() {
    }

    public record Instruction(String code, String title, String text, Instant appliesFrom, Instant appliesUntil) {

        public boolean appliesAt(Instant at) {
            return !at.isBefore(appliesFrom) && at.isBefore(appliesUntil);
        }
    }

    /** The instructions for one visit's interventions; times in the text are in the patient's {@code zone}. */
    public static List<Instruction> of(List<Intervention> interventions, ZoneId zone, int sorenessWindowHours) {
        List<Instruction> out = new ArrayList<>();
        Instant firstSore = null;
        Instant lastSore = null;
        boolean needling = false;
        boolean manual = false;
        for (Intervention iv : interventions) {
            if (iv.type() == Intervention.Type.KINESIOLOGY_TAPING && iv.taping() != null) {
                out.add(taping(iv.taping(), zone));
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
            String what = needling && manual ? "dry needling and manual therapy" : needling ? "dry needling" : "manual therapy";
            out.add(new Instruction(SORENESS_EXPECTED, "Soreness after treatment",
                    "After " + what + " it is expected and normal to feel sore where you were treated for 24 to 48"
                            + " hours. A short rise in soreness after treatment is not a reason to cut back your home"
                            + " exercises.",
                    firstSore, until));
            out.add(new Instruction(WHEN_TO_CONTACT, "When to get help",
                    "Soreness where you were treated is normal. These are not, and need medical care the same day:"
                            + " numbness around your bottom or genitals, new problems with your bladder or bowel,"
                            + " symptoms in both legs, weakness in your leg that is getting worse, or a foot that drops"
                            + " or drags (foot drop). If you notice any of them, get urgent medical care now or call"
                            + " emergency services, and answer the red-flag check-in in the app. If your pain simply"
                            + " gets worse, without any of these signs, contact the clinic.",
                    firstSore, until));
        }
        out.sort(Comparator.comparing(Instruction::appliesFrom).thenComparing(Instruction::code));
        return List.copyOf(out);
    }

    private static Instruction taping(Intervention.Taping tape, ZoneId zone) {
        return new Instruction(TAPING, "Your tape (" + tape.region() + ")",
                "Keep the tape on until " + WHEN.format(tape.wearUntil().atZone(zone)) + ". Take it off earlier if"
                        + " the skin under it itches, turns red, burns or blisters. Showering with the tape on is"
                        + " fine.",
                tape.appliedAt(), tape.wearUntil());
    }
}
