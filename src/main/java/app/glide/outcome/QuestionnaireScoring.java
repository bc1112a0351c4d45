package app.glide.outcome;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Scores a submitted questionnaire against the structure it names: the instrument id, the
 * structure version ({@link #STRUCTURE_VERSION}: our item ids and answer codes; a change to them
 * is a new version), and either item answers (ODI, RMDQ, STarT Back, NPRS) or named activities
 * (PSFS). Says which kind of refusal an {@link OutcomeRefusal} is, so the API answers each with its
 * own problem type, and gives each instrument's meaningful-change threshold. Plain Java.
 */
public final class QuestionnaireScoring {

    /** The version of Glide's structure of every instrument (item ids, answer codes, scores). */
    public static final String STRUCTURE_VERSION = "1";

    /** What was wrong with a response, most specific first (the order picks one when there are several). */
    public enum Refusal { UNKNOWN_INSTRUMENT, WRONG_VERSION, UNKNOWN_ITEM, ANSWER_OUT_OF_RANGE, TOO_MANY_LEFT_OUT,
        ACTIVITY_COUNT, INVALID_ACTIVITY }

    private QuestionnaireScoring() {
    }

    public static Score score(String instrumentId, String version, Map<String, String> answers,
                              List<Psfs.Activity> activities) {
        InstrumentDefinition d = Instruments.definition(instrumentId);
        if (!STRUCTURE_VERSION.equals(version)) {
            throw OutcomeRefusal.of(d.id(), "instrumentVersion", "version '" + version + "' of " + d.id()
                    + " is not known; the current version is " + STRUCTURE_VERSION);
        }
        if (Psfs.ID.equals(d.id())) {
            if (answers != null && !answers.isEmpty()) {
                throw OutcomeRefusal.of(d.id(), "activities", "psfs is answered with named activities, not item"
                        + " answers: send 3 to 5 activities with their ratings");
            }
            return Psfs.score(activities);
        }
        if (activities != null && !activities.isEmpty()) {
            throw OutcomeRefusal.of(d.id(), "activities[0]", d.id() + " has no activities; answer its items");
        }
        return Instruments.score(d.id(), answers);
    }

    /** The kind of the refusal: the most specific of its errors. */
    public static Refusal kind(OutcomeRefusal refusal) {
        Refusal worst = null;
        for (AnswerError e : refusal.errors()) {
            Refusal k = kind(refusal.instrumentId(), e.field());
            worst = worst == null || k.ordinal() < worst.ordinal() ? k : worst;
        }
        return worst;
    }

    private static Refusal kind(String instrumentId, String field) {
        if (field.equals("instrument")) {
            return Refusal.UNKNOWN_INSTRUMENT;
        }
        if (field.equals("instrumentVersion")) {
            return Refusal.WRONG_VERSION;
        }
        if (field.equals("answers")) {
            return Refusal.TOO_MANY_LEFT_OUT;
        }
        if (field.equals("activities")) {
            return Refusal.ACTIVITY_COUNT;
        }
        if (field.startsWith("activities[")) {
            return Psfs.ID.equals(instrumentId) ? Refusal.INVALID_ACTIVITY : Refusal.UNKNOWN_ITEM;
        }
        boolean known = Instruments.ALL.stream().anyMatch(d -> d.id().equals(instrumentId) && d.item(field).isPresent());
        return known ? Refusal.ANSWER_OUT_OF_RANGE : Refusal.UNKNOWN_ITEM;
    }

    /** The smallest meaningful change of the score, or {@code null} where none is published (STarT Back). */
    public static BigDecimal meaningfulChange(String instrumentId) {
        return switch (instrumentId) {
            case Oswestry.ID -> Oswestry.MEANINGFUL_CHANGE;
            case RolandMorris.ID -> RolandMorris.MEANINGFUL_CHANGE;
            case Psfs.ID -> Psfs.MEANINGFUL_CHANGE;
            case Nprs.ID -> Nprs.MEANINGFUL_CHANGE;
            default -> null;
        };
    }

    /** The change of {@code current} against {@code baseline} on the instrument's scale. */
    public static Change change(String instrumentId, BigDecimal baseline, BigDecimal current) {
        if (Oswestry.ID.equals(instrumentId)) {
            return Oswestry.change(baseline, current);
        }
        return Change.of(baseline, current, meaningfulChange(instrumentId),
                Instruments.definition(instrumentId).lowerIsBetter());
    }
}
