package app.glide.progress;

import app.glide.adherence.AdherenceMath;
import app.glide.plan.PatientCalendar;
import app.glide.plan.PlanContent;
import app.glide.symptom.SymptomExtent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Cuts a patient's days into chart buckets, plain Java.
 *
 * <ul>
 * <li>Buckets are days, or weeks Monday to Sunday ({@link PatientCalendar#weekStart}) clipped to
 * the asked range.</li>
 * <li>Sessions expected and done are the adherence rules ({@link AdherenceMath}): a day expects
 * {@link AdherenceMath#expected} under the revision in force that day; done is the day's
 * dose-weighted completion, at most 1; today counts only once something was done; later days
 * expect nothing yet. Adherence of a bucket = done ÷ expected, at most 1, absent without
 * anything expected.</li>
 * <li>Pain before / peak / after are means over the bucket's sessions; next-morning pain the mean
 * of the morning checks of those sessions; absent when there is none.</li>
 * <li>Dose per item: the values the patient logged, averaged over the sessions that did the item
 * (DONE or PARTIAL); a value not reported (ticking DONE means the prescribed dose) is left out.</li>
 * </ul>
 */
public final class ProgressMath {

    private ProgressMath() {
    }

    public enum Bucket {
        DAY, WEEK
    }

    /** One day's roll-up ({@code patient_day}): sessions and their completion sum. */
    public record Rollup(int sessions, double completionSum) {
    }

    /** Sums over one day's sessions; {@code worstExtent} is the ordinal of the furthest extent. */
    public record SessionSums(int count, int painBefore, int painPeak, int painAfter, int worstExtent,
                              int morningPainSum, int morningCount) {
    }

    /** Sums of one item over one day's sessions. */
    public record ItemSums(UUID itemId, int done, int skipped, Sum sets, Sum reps, Sum holdSeconds,
                           Sum durationMinutes) {
    }

    public record Sum(long total, int count) {
        static final Sum NONE = new Sum(0, 0);

        Sum plus(Sum o) {
            return new Sum(total + o.total, count + o.count);
        }

        Double mean() {
            return count == 0 ? null : round((double) total / count);
        }
    }

    public record Input(List<AdherenceMath.Revision> revisions, Map<LocalDate, Rollup> rollups,
                        Map<LocalDate, SessionSums> sessions, Map<LocalDate, List<ItemSums>> items) {
    }

    public record ItemDose(UUID itemId, int timesDone, int timesSkipped, Double sets, Double reps, Double holdSeconds,
                           Double durationMinutes) {
    }

    public record Point(LocalDate start, LocalDate end, int sessions, double sessionsExpected, double sessionsDone,
                        Double adherence, Double painBefore, Double painPeak, Double painAfter, Double nextMorningPain,
                        SymptomExtent worstSymptomExtent, List<ItemDose> items) {
    }

    /** The buckets from {@code from} to {@code to} (inclusive), the patient's today being {@code today}. */
    public static List<Point> series(LocalDate from, LocalDate to, Bucket bucket, LocalDate today, Input in) {
        NavigableMap<LocalDate, PlanContent> inForce = new TreeMap<>();
        for (AdherenceMath.Revision r : in.revisions()) {
            inForce.put(r.effectiveOn(), r.content()); // later revisions of the same day win, as in adherence
        }
        List<Point> points = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = bucket == Bucket.DAY ? start : PatientCalendar.weekStart(start).plusDays(6);
            if (end.isAfter(to)) {
                end = to;
            }
            points.add(point(start, end, today, inForce, in));
            start = end.plusDays(1);
        }
        return points;
    }

    static Point point(LocalDate start, LocalDate end, LocalDate today, NavigableMap<LocalDate, PlanContent> inForce,
                       Input in) {
        int sessions = 0;
        double expected = 0;
        double done = 0;
        int count = 0;
        int before = 0;
        int peak = 0;
        int after = 0;
        int worst = -1;
        Sum morning = Sum.NONE;
        Map<UUID, ItemSums> items = new LinkedHashMap<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            Rollup r = in.rollups().get(d);
            double doneThatDay = r == null ? 0 : Math.min(1.0, r.completionSum());
            sessions += r == null ? 0 : r.sessions();
            done += doneThatDay;
            if (!d.isAfter(today) && !(d.equals(today) && doneThatDay == 0)) {
                var entry = inForce.floorEntry(d);
                expected += entry == null ? 0 : AdherenceMath.expected(entry.getValue(), d);
            }
            SessionSums s = in.sessions().get(d);
            if (s != null) {
                count += s.count();
                before += s.painBefore();
                peak += s.painPeak();
                after += s.painAfter();
                worst = Math.max(worst, s.worstExtent());
                morning = morning.plus(new Sum(s.morningPainSum(), s.morningCount()));
            }
            for (ItemSums i : in.items().getOrDefault(d, List.of())) {
                items.merge(i.itemId(), i, ProgressMath::add);
            }
        }
        List<ItemDose> doses = items.values().stream()
                .map(i -> new ItemDose(i.itemId(), i.done(), i.skipped(), i.sets().mean(), i.reps().mean(),
                        i.holdSeconds().mean(), i.durationMinutes().mean()))
                .toList();
        return new Point(start, end, sessions, round(expected), round(done),
                expected == 0 ? null : round(Math.min(1.0, done / expected)),
                mean(before, count), mean(peak, count), mean(after, count), morning.mean(),
                worst < 0 ? null : SymptomExtent.values()[worst], doses);
    }

    static ItemSums add(ItemSums a, ItemSums b) {
        return new ItemSums(a.itemId(), a.done() + b.done(), a.skipped() + b.skipped(), a.sets().plus(b.sets()),
                a.reps().plus(b.reps()), a.holdSeconds().plus(b.holdSeconds()),
                a.durationMinutes().plus(b.durationMinutes()));
    }

    static Double mean(int sum, int count) {
        return count == 0 ? null : round((double) sum / count);
    }

    /** Two decimals, half up (as the adherence view). */
    static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
