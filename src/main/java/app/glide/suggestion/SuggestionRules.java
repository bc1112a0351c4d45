package app.glide.suggestion;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Pain-guided suggestion for one plan item: PROGRESS, HOLD or REGRESS, with the rule that
 * decided and the sessions it used (ids in the evidence), in words a therapist reads in two
 * seconds. Plain Java; the rules in words are in docs/domain-rules.md.
 *
 * <p>The pain-monitoring model: pain during exercise 0–3 is safe, 4–5 acceptable, above 5
 * not; pain must settle by the next morning; a change of {@link #MEANINGFUL_CHANGE} points is
 * the smallest that matters. Order: REGRESS first (the newest session's peak above the limit,
 * its next morning worse by answer or by number, or symptoms spreading down the leg) —
 * reducing load is always allowed. Then HOLD while a signal stands (red flag, flare-up,
 * rising pain, peripheralisation). PROGRESS needs the last N sessions at the current
 * prescription all done in full, peak within the band, no rise of 2 points within the
 * session or against the patient's own baseline, the next-morning check answered with
 * morning pain not above the pre-session level, symptoms not spreading and difficulty at or
 * below the target. Anything else is HOLD. Inside an expected-soreness window after needling or
 * manual therapy the pain REGRESS rules hold instead, and no progression passes while one is open.
 */
public final class SuggestionRules {

    /**
     * A pain signal (peak above the limit, a worse next morning) from a session inside an
     * expected-soreness window after needling or manual therapy: not a reason to step back,
     * and no progression either.
     */
    public static final String EXPECTED_SORENESS = "expected-soreness";
    /** An expected-soreness window is open now: no progression until it closes. */
    public static final String SORENESS_WINDOW_OPEN = "expected-soreness-window";

    /** NPRS points: the smallest change that matters to patients. */
    public static final int MEANINGFUL_CHANGE = 2;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /**
     * Rules under which an item's scheduled progression is held: signals that load is not
     * tolerated, not merely that evidence is missing. Peak pain of 4–5 is the model's
     * acceptable zone: it blocks a suggested PROGRESS but not the planned schedule.
     */
    public static final Set<String> HOLDING_SIGNALS = Set.of("pain-above-limit", "worse-next-morning",
            "symptoms-spread", "red-flag-open", "flare-up-active", "pain-rising-open", "peripheralisation-open",
            "pain-rose-during-session", "pain-above-baseline", "morning-pain-above-pre-session",
            "worse-next-morning-recently", "symptoms-spread-recently", EXPECTED_SORENESS, SORENESS_WINDOW_OPEN);

    private SuggestionRules() {
    }

    public enum Action {
        PROGRESS, HOLD, REGRESS
    }

    /**
     * One session in which the item was prescribed, newest first in inputs. {@code morningPain}
     * is the next-morning NPRS (null when not answered).
     */
    public record ItemSession(String sessionId, LocalDate date, boolean doneInFull, boolean skipped, int painBefore,
                              int painPeak, String nextMorning, Integer morningPain, boolean symptomsSpread,
                              int difficulty, String sorenessWindow) {
        /** A session outside any expected-soreness window. */
        public ItemSession(String sessionId, LocalDate date, boolean doneInFull, boolean skipped, int painBefore,
                           int painPeak, String nextMorning, Integer morningPain, boolean symptomsSpread,
                           int difficulty) {
            this(sessionId, date, doneInFull, skipped, painBefore, painPeak, nextMorning, morningPain, symptomsSpread,
                    difficulty, null);
        }
    }

    public record Thresholds(int progressAfterSessions, int progressMaxPain, int regressPainAbove, int targetDifficulty) {
        public static final Thresholds DEFAULTS = new Thresholds(3, 3, 5, 6);
    }

    /**
     * Signals about the patient, not the item: open red flag, active flare-up, open
     * rising-pain and peripheralisation alerts, the patient's own baseline peak pain
     * (mean peak of their first week of sessions; null before there is one), and the
     * expected-soreness window open now (its description, "after dry needling on 2 Dec, until
     * 4 Dec 14:00"; null when none is).
     */
    public record Context(boolean redFlagOpen, boolean flareActive, boolean painRisingOpen,
                          boolean peripheralisationOpen, Double baselinePeak, String sorenessWindowOpen) {
        public Context(boolean redFlagOpen, boolean flareActive, boolean painRisingOpen,
                       boolean peripheralisationOpen, Double baselinePeak) {
            this(redFlagOpen, flareActive, painRisingOpen, peripheralisationOpen, baselinePeak, null);
        }

        public Context(boolean redFlagOpen, boolean flareActive) {
            this(redFlagOpen, flareActive, false, false, null);
        }
    }

    /** {@code sessionIds}: the sessions the evidence describes, newest first. */
    public record Decision(Action action, String rule, String reason, List<String> evidence, List<String> sessionIds) {
        Decision(Action action, String rule, String reason, List<String> evidence) {
            this(action, rule, reason, evidence, List.of());
        }

        /** Whether this decision holds the item's scheduled progression. */
        public boolean holdsProgression() {
            return HOLDING_SIGNALS.contains(rule);
        }
    }

    public static Decision decide(List<ItemSession> newestFirst, Context context, Thresholds t) {
        Decision d = decideWithoutIds(newestFirst, context, t);
        List<String> ids = newestFirst.stream().limit(Math.max(t.progressAfterSessions(), 1))
                .map(ItemSession::sessionId).toList();
        return new Decision(d.action(), d.rule(), d.reason(), d.evidence(), ids);
    }

    private static Decision decideWithoutIds(List<ItemSession> newestFirst, Context context, Thresholds t) {
        List<String> evidence = newestFirst.stream().limit(Math.max(t.progressAfterSessions(), 1))
                .map(SuggestionRules::describe).toList();
        if (newestFirst.isEmpty()) {
            Decision signal = signals(context, evidence);
            return signal != null ? signal
                    : hold("no-sessions", "No sessions with this exercise at its current dosage yet.", evidence);
        }
        ItemSession last = newestFirst.get(0);
        String lastDay = DAY.format(last.date());
        Decision painSignal = painSignal(last, lastDay, t, evidence);
        if (painSignal != null && last.sorenessWindow() != null && !last.symptomsSpread()) {
            // Expected soreness after treatment: no step back for it; a standing signal still speaks first.
            Decision signal = signals(context, evidence);
            if (signal != null && !SORENESS_WINDOW_OPEN.equals(signal.rule())) {
                return signal;
            }
            return hold(EXPECTED_SORENESS, painSignal.reason().replace(": step back.", "")
                    + ", inside the expected-soreness window " + last.sorenessWindow() + ": soreness is expected,"
                    + " so no step back for it; progression waits for a session after the window.", evidence);
        }
        if (painSignal != null && last.sorenessWindow() == null) {
            return painSignal;
        }
        if (last.symptomsSpread()) { // never excused by a soreness window
            return new Decision(Action.REGRESS, "symptoms-spread", "Symptoms spread further down the leg on "
                    + lastDay + ": step back.", evidence);
        }
        Decision signal = signals(context, evidence);
        return signal != null ? signal : progressOrHold(newestFirst, context, t, evidence);
    }

    /** The pain REGRESS rules on the newest session (peak above the limit, a worse next morning), or null. */
    private static Decision painSignal(ItemSession last, String lastDay, Thresholds t, List<String> evidence) {
        if (last.painPeak() > t.regressPainAbove()) {
            return new Decision(Action.REGRESS, "pain-above-limit", "Pain peaked at " + last.painPeak() + "/10 on "
                    + lastDay + " (limit " + t.regressPainAbove() + "): step back.", evidence);
        }
        if ("WORSE".equals(last.nextMorning())) {
            return new Decision(Action.REGRESS, "worse-next-morning", "Pain was worse the morning after "
                    + lastDay + ": step back.", evidence);
        }
        if (last.morningPain() != null && last.morningPain() - last.painBefore() >= MEANINGFUL_CHANGE) {
            return new Decision(Action.REGRESS, "worse-next-morning", "The morning after " + lastDay + " pain was "
                    + last.morningPain() + "/10, up from " + last.painBefore() + "/10 before the session: step back.",
                    evidence);
        }
        return null;
    }

    private static Decision progressOrHold(List<ItemSession> newestFirst, Context context, Thresholds t,
                                           List<String> evidence) {
        int needed = t.progressAfterSessions();
        if (newestFirst.size() < needed) {
            return hold("not-enough-sessions", "Only " + newestFirst.size() + " of the " + needed
                    + " sessions needed at this dosage.", evidence);
        }
        // Signals before missing evidence: a therapist must see why load is not tolerated first.
        for (ItemSession s : newestFirst.subList(0, needed)) {
            String day = DAY.format(s.date());
            if (s.painPeak() > t.progressMaxPain()) {
                return hold("pain-too-high-to-progress", "Pain peaked at " + s.painPeak() + "/10 on " + day
                        + " (progress needs at most " + t.progressMaxPain() + ").", evidence);
            }
            if (s.painPeak() - s.painBefore() >= MEANINGFUL_CHANGE) {
                return hold("pain-rose-during-session", "Pain rose from " + s.painBefore() + " to " + s.painPeak()
                        + "/10 during the session on " + day + " (a rise of " + MEANINGFUL_CHANGE + " matters).", evidence);
            }
            if (context.baselinePeak() != null && s.painPeak() - context.baselinePeak() >= MEANINGFUL_CHANGE - 1e-9) {
                return hold("pain-above-baseline", String.format(Locale.ROOT,
                        "Pain peaked at %d/10 on %s, %.1f above the first week's peak (%.1f).", s.painPeak(), day,
                        s.painPeak() - context.baselinePeak(), context.baselinePeak()), evidence);
            }
            if ("WORSE".equals(s.nextMorning())) {
                return hold("worse-next-morning-recently", "Worse the morning after " + day + ".", evidence);
            }
            if (s.morningPain() != null && s.morningPain() > s.painBefore()) {
                return hold("morning-pain-above-pre-session", "The morning after " + day + " pain was " + s.morningPain()
                        + "/10, above the " + s.painBefore() + "/10 before the session: it has not settled.", evidence);
            }
            if (s.symptomsSpread()) {
                return hold("symptoms-spread-recently", "Symptoms spread on " + day + ".", evidence);
            }
        }
        for (ItemSession s : newestFirst.subList(0, needed)) {
            String day = DAY.format(s.date());
            if (!s.doneInFull()) {
                return hold("not-done-in-full", (s.skipped() ? "Skipped" : "Not done in full") + " on " + day + ".",
                        evidence);
            }
            if (s.nextMorning() == null) {
                return hold("morning-check-missing", "No next-morning answer yet for the session on " + day
                        + ": progress waits until pain is known to settle overnight.", evidence);
            }
            if (s.difficulty() > t.targetDifficulty()) {
                return hold("too-hard", "Difficulty " + s.difficulty() + "/10 on " + day + " (target at most "
                        + t.targetDifficulty() + ").", evidence);
            }
        }
        return new Decision(Action.PROGRESS, "ready-to-progress", "Last " + needed + " sessions done in full, pain at most "
                + t.progressMaxPain() + "/10 and no rise of " + MEANINGFUL_CHANGE + ", settled by the next morning,"
                + " difficulty at most " + t.targetDifficulty() + ".", evidence);
    }

    /**
     * The signal that holds an item's scheduled progression, whatever rule decided the
     * suggestion: the REGRESS rules on the newest session, a standing signal about the
     * patient, or — in any of the newest N sessions there are, however few — a rise of 2
     * within the session or against the baseline, a WORSE morning or morning pain above the
     * pre-session level, or spreading symptoms. A peak of 4–5 alone does not hold (the
     * acceptable zone); missing evidence does not either. Empty when nothing holds.
     */
    public static Optional<String> holdingSignal(List<ItemSession> newestFirst, Context context,
                                                           Thresholds t) {
        Decision d = decideWithoutIds(newestFirst, context, t);
        if (d.action() == Action.REGRESS || HOLDING_SIGNALS.contains(d.rule())) {
            return Optional.of(d.rule());
        }
        for (ItemSession s : newestFirst.subList(0, Math.min(newestFirst.size(), t.progressAfterSessions()))) {
            if (s.painPeak() - s.painBefore() >= MEANINGFUL_CHANGE) {
                return Optional.of("pain-rose-during-session");
            }
            if (context.baselinePeak() != null && s.painPeak() - context.baselinePeak() >= MEANINGFUL_CHANGE - 1e-9) {
                return Optional.of("pain-above-baseline");
            }
            if ("WORSE".equals(s.nextMorning())) {
                return Optional.of("worse-next-morning-recently");
            }
            if (s.morningPain() != null && s.morningPain() > s.painBefore()) {
                return Optional.of("morning-pain-above-pre-session");
            }
            if (s.symptomsSpread()) {
                return Optional.of("symptoms-spread-recently");
            }
        }
        return Optional.empty();
    }

    /** HOLD for a standing signal about the patient (an open expected-soreness window last), or null when none stands. */
    private static Decision signals(Context context, List<String> evidence) {
        if (context.redFlagOpen()) {
            return hold("red-flag-open", "A red-flag alert is open: no progression until it is resolved.", evidence);
        }
        if (context.flareActive()) {
            return hold("flare-up-active", "A flare-up is active: no progression until it is over.", evidence);
        }
        if (context.painRisingOpen()) {
            return hold("pain-rising-open", "A rising-pain alert is open: no progression until it is resolved.",
                    evidence);
        }
        if (context.peripheralisationOpen()) {
            return hold("peripheralisation-open",
                    "A peripheralisation alert is open (symptoms spread down the leg): no progression until it is resolved.",
                    evidence);
        }
        if (context.sorenessWindowOpen() != null) {
            return hold(SORENESS_WINDOW_OPEN, "The expected-soreness window " + context.sorenessWindowOpen()
                    + " applies: no progression until it closes.", evidence);
        }
        return null;
    }

    private static Decision hold(String rule, String reason, List<String> evidence) {
        return new Decision(Action.HOLD, rule, reason, evidence);
    }

    /** "session 3f2a…: 20 Nov: done in full, pain 1→2/10, difficulty 5/10, next morning same (1/10)". */
    static String describe(ItemSession s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.skipped() ? "skipped" : s.doneInFull() ? "done in full" : "partly done");
        parts.add("pain " + s.painBefore() + "→" + s.painPeak() + "/10");
        parts.add("difficulty " + s.difficulty() + "/10");
        parts.add("next morning " + (s.nextMorning() == null ? "not reported"
                : s.nextMorning().toLowerCase(Locale.ROOT) + (s.morningPain() == null ? "" : " (" + s.morningPain() + "/10)")));
        if (s.symptomsSpread()) {
            parts.add("symptoms spread");
        }
        return "session " + s.sessionId() + ", " + DAY.format(s.date()) + ": " + String.join(", ", parts);
    }
}
