package app.glide.adherence;

import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Adherence maths, plain Java.
 *
 * <ul>
 * <li>Expected sessions on a day come from the plan revision in force that day (in the
 * patient's zone): 1 when an unpaused item has that weekday; otherwise, for items done a
 * number of times per week on days of the patient's choosing, that number / 7; 0 when the
 * plan or every item is paused or nothing is scheduled.</li>
 * <li>Done on a day = the sum of that day's sessions' dose-weighted completion, at most 1
 * (a second session does not make up for a missed day).</li>
 * <li>Adherence over a window = Σ done ÷ Σ expected, capped at 100 %. Today counts only
 * once something was done today (the day is not over).</li>
 * <li>Streak: consecutive days with a session, back from today (or yesterday); a day with
 * a fixed session due and none done breaks it, other days neither count nor break.</li>
 * </ul>
 */
public final class AdherenceMath {

    public static final double ADHERENT = 0.80;

    private AdherenceMath() {
    }

    /** One day's roll-up. */
    public record Day(int sessions, double completionSum, int painSum, int painCount) {
        double done() {
            return Math.min(1.0, completionSum);
        }
    }

    /** A revision and the first local date it is in force. */
    public record Revision(LocalDate effectiveOn, PlanContent content) {
    }

    public record Summary(Double adherence7d, Double adherence28d, Double adherenceAll, int streakDays,
                          int daysWithData30, Double painAvg7d, Double painBaseline, boolean adherent7d) {
    }

    /** Expected sessions on a day under a revision's content. */
    public static double expected(PlanContent content, LocalDate day) {
        if (content == null || content.paused()) {
            return 0;
        }
        int flexible = 0;
        for (PlanItem item : content.items()) {
            if (item.paused()) {
                continue;
            }
            if (item.schedule().isFlexible()) {
                flexible = Math.max(flexible, Math.min(7, item.schedule().sessionsPerWeek()));
            } else if (item.schedule().daysOfWeek().contains(day.getDayOfWeek())) {
                return 1;
            }
        }
        return flexible / 7.0;
    }

    public static Summary summarise(List<Revision> revisions, Map<LocalDate, Day> days, LocalDate today) {
        NavigableMap<LocalDate, PlanContent> inForce = new TreeMap<>();
        for (Revision r : revisions) {
            inForce.put(r.effectiveOn(), r.content()); // later revisions of the same day win
        }
        if (inForce.isEmpty()) {
            return new Summary(null, null, null, 0, daysWithData(days, today), pain(days, today.minusDays(6), today),
                    baseline(days), false);
        }
        LocalDate start = inForce.firstKey();
        Double a7 = adherence(inForce, days, max(start, today.minusDays(6)), today);
        Double a28 = adherence(inForce, days, max(start, today.minusDays(27)), today);
        Double all = adherence(inForce, days, start, today);
        return new Summary(a7, a28, all, streak(inForce, days, start, today), daysWithData(days, today),
                pain(days, today.minusDays(6), today), baseline(days), a7 != null && a7 >= ADHERENT);
    }

    static Double adherence(NavigableMap<LocalDate, PlanContent> inForce, Map<LocalDate, Day> days, LocalDate from,
                            LocalDate today) {
        double expected = 0;
        double done = 0;
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            Day day = days.get(d);
            double doneToday = day == null ? 0 : day.done();
            if (d.equals(today) && doneToday == 0) {
                continue; // the day is not over
            }
            var entry = inForce.floorEntry(d);
            expected += entry == null ? 0 : expected(entry.getValue(), d);
            done += doneToday;
        }
        return expected == 0 ? null : Math.min(1.0, done / expected);
    }

    static int streak(NavigableMap<LocalDate, PlanContent> inForce, Map<LocalDate, Day> days, LocalDate start,
                      LocalDate today) {
        int streak = 0;
        for (LocalDate d = today; !d.isBefore(start); d = d.minusDays(1)) {
            Day day = days.get(d);
            if (day != null && day.sessions() > 0) {
                streak++;
                continue;
            }
            if (d.equals(today)) {
                continue; // not done yet today
            }
            var entry = inForce.floorEntry(d);
            if (entry != null && expected(entry.getValue(), d) >= 1) {
                break;
            }
        }
        return streak;
    }

    static int daysWithData(Map<LocalDate, Day> days, LocalDate today) {
        int n = 0;
        for (LocalDate d = today.minusDays(29); !d.isAfter(today); d = d.plusDays(1)) {
            Day day = days.get(d);
            if (day != null && day.sessions() > 0) {
                n++;
            }
        }
        return n;
    }

    /** Average resting pain (before exercise) over the days, or null without data. */
    static Double pain(Map<LocalDate, Day> days, LocalDate from, LocalDate to) {
        int sum = 0;
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Day day = days.get(d);
            if (day != null) {
                sum += day.painSum();
                count += day.painCount();
            }
        }
        return count == 0 ? null : (double) sum / count;
    }

    /** The first week's average resting pain: the 7 days from the first day with data. */
    static Double baseline(Map<LocalDate, Day> days) {
        LocalDate first = days.entrySet().stream().filter(e -> e.getValue().painCount() > 0).map(Map.Entry::getKey)
                .min(LocalDate::compareTo).orElse(null);
        return first == null ? null : pain(days, first, first.plusDays(6));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
