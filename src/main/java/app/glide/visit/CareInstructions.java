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
 * plain words. Plain Java. A taped area gets how long to wear the tape, when to take it off
 * early, showering and how to remove it; needling or manual therapy gets that soreness for a
 * day or two is expected, and what is not normal. Each instruction applies from the
 * treatment until the tape comes off or the soreness should be over: the clinic's soreness
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
                    "After " + what + " it is normal to feel sore, stiff or a little bruised where you were treated,"
                            + " for 24 to 48 hours. It should ease day by day. Keep moving gently and carry on with your"
                            + " home exercises as comfort allows; warmth can help.",
                    firstSore, until));
            out.add(new Instruction(WHEN_TO_CONTACT, "When to contact the clinic",
                    "Soreness where you were treated is normal; these are not: pain down your leg that gets worse,"
                            + " new numbness or pins and needles, or weakness in your leg or foot. If you notice any of"
                            + " them, contact the clinic and answer the red-flag check in the app. Numbness around your"
                            + " bottom or genitals, or a change in bladder or bowel control, needs urgent care: call"
                            + " emergency services.",
                    firstSore, until));
        }
        out.sort(Comparator.comparing(Instruction::appliesFrom).thenComparing(Instruction::code));
        return List.copyOf(out);
    }

    private static Instruction taping(Intervention.Taping tape, ZoneId zone) {
        return new Instruction(TAPING, "Your tape (" + tape.region() + ")",
                "Keep the tape on until " + WHEN.format(tape.wearUntil().atZone(zone)) + ". Take it off earlier if"
                        + " the skin under it itches, turns red, burns or blisters. Showering is fine: pat the tape dry"
                        + " with a towel afterwards, without rubbing. To take it off, peel it slowly in the direction"
                        + " the hair grows while holding the skin down; a little oil helps.",
                tape.appliedAt(), tape.wearUntil());
    }
}
