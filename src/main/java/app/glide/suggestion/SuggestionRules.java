package app.glide.suggestion;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pain-guided suggestion for one plan item: PROGRESS, HOLD or REGRESS, with the rule that
 * decided and the data it used, in words a therapist reads in two seconds. Plain Java.
 *
 * <p>Order: REGRESS rules first (the newest session with the item had peak pain above the
 * limit, a worse next morning, or symptoms spreading down the leg) — reducing load is
 * always allowed. Then nothing progresses while a red-flag alert is open or a flare-up is
 * active. PROGRESS needs the last N sessions with the item at its current dosage all done
 * in full with peak pain at most the limit, no worse next morning, no spreading symptoms
 * and difficulty at or below the target. Anything else is HOLD.
 */
public final class SuggestionRules {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private SuggestionRules() {
    }

    public enum Action {
        PROGRESS, HOLD, REGRESS
    }

    /** One session in which the item was prescribed, newest first in inputs. */
    public record ItemSession(String sessionId, LocalDate date, boolean doneInFull, boolean skipped, int painPeak,
                              String nextMorning, boolean symptomsSpread, int difficulty) {
    }

    public record Thresholds(int progressAfterSessions, int progressMaxPain, int regressPainAbove, int targetDifficulty) {
        public static final Thresholds DEFAULTS = new Thresholds(3, 3, 5, 6);
    }

    public record Context(boolean redFlagOpen, boolean flareActive) {
    }

    public record Decision(Action action, String rule, String reason, List<String> evidence) {
    }

    public static Decision decide(List<ItemSession> newestFirst, Context context, Thresholds t) {
        List<String> evidence = newestFirst.stream().limit(Math.max(t.progressAfterSessions(), 1))
                .map(SuggestionRules::describe).toList();
        if (newestFirst.isEmpty()) {
            return hold(context, "no-sessions", "No sessions with this exercise at its current dosage yet.", evidence);
        }
        ItemSession last = newestFirst.get(0);
        if (last.painPeak() > t.regressPainAbove()) {
            return new Decision(Action.REGRESS, "pain-above-limit", "Pain peaked at " + last.painPeak() + "/10 on "
                    + DAY.format(last.date()) + " (limit " + t.regressPainAbove() + "): step back.", evidence);
        }
        if ("WORSE".equals(last.nextMorning())) {
            return new Decision(Action.REGRESS, "worse-next-morning", "Pain was worse the morning after "
                    + DAY.format(last.date()) + ": step back.", evidence);
        }
        if (last.symptomsSpread()) {
            return new Decision(Action.REGRESS, "symptoms-spread", "Symptoms spread further down the leg on "
                    + DAY.format(last.date()) + ": step back.", evidence);
        }
        if (context.redFlagOpen()) {
            return new Decision(Action.HOLD, "red-flag-open",
                    "A red-flag alert is open: no progression until it is resolved.", evidence);
        }
        if (context.flareActive()) {
            return new Decision(Action.HOLD, "flare-up-active",
                    "A flare-up is active: no progression until it is over.", evidence);
        }
        int needed = t.progressAfterSessions();
        if (newestFirst.size() < needed) {
            return new Decision(Action.HOLD, "not-enough-sessions", "Only " + newestFirst.size() + " of the " + needed
                    + " sessions needed at this dosage.", evidence);
        }
        for (ItemSession s : newestFirst.subList(0, needed)) {
            String day = DAY.format(s.date());
            if (!s.doneInFull()) {
                return new Decision(Action.HOLD, "not-done-in-full",
                        (s.skipped() ? "Skipped" : "Not done in full") + " on " + day + ".", evidence);
            }
            if (s.painPeak() > t.progressMaxPain()) {
                return new Decision(Action.HOLD, "pain-too-high-to-progress", "Pain peaked at " + s.painPeak()
                        + "/10 on " + day + " (progress needs at most " + t.progressMaxPain() + ").", evidence);
            }
            if ("WORSE".equals(s.nextMorning())) {
                return new Decision(Action.HOLD, "worse-next-morning-recently", "Worse the morning after " + day + ".",
                        evidence);
            }
            if (s.symptomsSpread()) {
                return new Decision(Action.HOLD, "symptoms-spread-recently", "Symptoms spread on " + day + ".", evidence);
            }
            if (s.difficulty() > t.targetDifficulty()) {
                return new Decision(Action.HOLD, "too-hard", "Difficulty " + s.difficulty() + "/10 on " + day
                        + " (target at most " + t.targetDifficulty() + ").", evidence);
            }
        }
        return new Decision(Action.PROGRESS, "ready-to-progress", "Last " + needed + " sessions done in full, pain at most "
                + t.progressMaxPain() + "/10, mornings not worse, difficulty at most " + t.targetDifficulty() + ".",
                evidence);
    }

    private static Decision hold(Context c, String rule, String reason, List<String> evidence) {
        return new Decision(Action.HOLD, rule, reason, evidence);
    }

    static String describe(ItemSession s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.skipped() ? "skipped" : s.doneInFull() ? "done in full" : "partly done");
        parts.add("pain " + s.painPeak() + "/10");
        parts.add("difficulty " + s.difficulty() + "/10");
        parts.add("next morning " + (s.nextMorning() == null ? "not reported" : s.nextMorning().toLowerCase(Locale.ROOT)));
        if (s.symptomsSpread()) {
            parts.add("symptoms spread");
        }
        return DAY.format(s.date()) + ": " + String.join(", ", parts);
    }
}
