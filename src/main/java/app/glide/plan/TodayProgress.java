package app.glide.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the patient already did, for the today view: today's sessions and each item's best
 * result today, how many of this week's sessions did each item (patient-local week,
 * {@link PatientCalendar#weekStart}), and the sessions of the last days still waiting for
 * their next-morning check. Built from the sessions since the earlier of Monday and
 * {@link #MORNING_CHECK_DAYS} days ago, read in one statement. Plain Java.
 */
public final class TodayProgress {

    /** Sessions of this many days before today are offered for their next-morning check. */
    public static final int MORNING_CHECK_DAYS = 3;

    /**
     * One logged session: when, for which local date, what each item reported, whether checked
     * next morning, and when its check opens ({@link MorningCheckWindow}).
     */
    public record Logged(UUID sessionId, OffsetDateTime startedAt, LocalDate localDate, List<Reported> items,
                         boolean morningChecked, Instant checkOpensAt) {
    }

    /** One item of a logged session (the stored item result; other fields are not needed here). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reported(UUID itemId, String status) {
        boolean done() {
            return "DONE".equals(status) || "PARTIAL".equals(status);
        }
    }

    /** A session waiting for its next-morning check, and from when the check is accepted. */
    public record AwaitingCheck(UUID sessionId, OffsetDateTime startedAt, LocalDate localDate, Instant opensAt) {
    }

    private static final List<String> BEST_FIRST = List.of("DONE", "PARTIAL", "SKIPPED");

    private final int sessionsToday;
    private final Map<UUID, String> statusToday = new HashMap<>();
    private final Map<UUID, Integer> doneThisWeek = new HashMap<>();
    private final List<AwaitingCheck> awaiting = new ArrayList<>();

    private TodayProgress(List<Logged> sessions, LocalDate today) {
        LocalDate monday = PatientCalendar.weekStart(today);
        LocalDate checkFrom = today.minusDays(MORNING_CHECK_DAYS);
        int todayCount = 0;
        for (Logged s : sessions) {
            LocalDate day = s.localDate();
            if (day.equals(today)) {
                todayCount++;
                for (Reported r : s.items()) {
                    statusToday.merge(r.itemId(), r.status(), TodayProgress::better);
                }
            }
            if (!day.isBefore(monday) && !day.isAfter(today)) {
                s.items().stream().filter(Reported::done).map(Reported::itemId).distinct()
                        .forEach(id -> doneThisWeek.merge(id, 1, Integer::sum));
            }
            if (!s.morningChecked() && !day.isBefore(checkFrom) && day.isBefore(today)) {
                awaiting.add(new AwaitingCheck(s.sessionId(), s.startedAt(), day, s.checkOpensAt()));
            }
        }
        awaiting.sort(Comparator.comparing(AwaitingCheck::startedAt).reversed());
        this.sessionsToday = todayCount;
    }

    public static TodayProgress of(List<Logged> sessions, LocalDate today) {
        return new TodayProgress(sessions, today);
    }

    /** The first local date whose sessions matter on {@code today}. */
    public static LocalDate since(LocalDate today) {
        LocalDate monday = PatientCalendar.weekStart(today);
        LocalDate checkFrom = today.minusDays(MORNING_CHECK_DAYS);
        return monday.isBefore(checkFrom) ? monday : checkFrom;
    }

    public int sessionsToday() {
        return sessionsToday;
    }

    /** The best status reported today for the item (DONE, PARTIAL, SKIPPED), or null. */
    public String statusToday(UUID itemId) {
        return statusToday.get(itemId);
    }

    public boolean doneToday(UUID itemId) {
        String s = statusToday.get(itemId);
        return "DONE".equals(s) || "PARTIAL".equals(s);
    }

    /** Sessions this week (Monday to today) in which the item was done or partly done. */
    public int doneThisWeek(UUID itemId) {
        return doneThisWeek.getOrDefault(itemId, 0);
    }

    /** Sessions of the last {@link #MORNING_CHECK_DAYS} days before today without a next-morning check, newest first. */
    public List<AwaitingCheck> awaitingMorningCheck() {
        return List.copyOf(awaiting);
    }

    private static String better(String a, String b) {
        int ia = BEST_FIRST.indexOf(a);
        int ib = BEST_FIRST.indexOf(b);
        if (ia < 0) {
            return b;
        }
        if (ib < 0) {
            return a;
        }
        return ia <= ib ? a : b;
    }
}
