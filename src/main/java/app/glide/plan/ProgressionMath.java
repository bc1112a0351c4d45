package app.glide.plan;

import app.glide.exercise.Chain;
import app.glide.exercise.Dosage;
import app.glide.exercise.DosageField;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Computes what an item prescribes on a given date. Dates are the patient's local dates,
 * so daylight-saving changes and time zones do not move a step: a step falls on a
 * calendar day. Plain Java.
 */
public final class ProgressionMath {

    private ProgressionMath() {
    }

    /** What to do on a date: which exercise, at what dosage (before any plan-wide scaling). */
    public record Prescription(UUID exerciseId, Dosage dosage) {
    }

    public record Change(LocalDate from, Prescription prescription) {
    }

    public static Prescription on(PlanItem item, LocalDate date, Chain chain) {
        Progression p = item.progression();
        if (p == null || item.paused() || item.held() || !date.isAfter(item.since())) {
            return new Prescription(item.exerciseId(), item.dosage());
        }
        long periods = ChronoUnit.DAYS.between(item.since(), date) / p.everyDays();
        UUID exercise = item.exerciseId();
        int value = item.dosage().get(p.field());
        int restart = item.startValue() == null ? value : item.startValue();
        long remaining = periods;
        while (true) {
            long toCap = value >= p.cap() ? 0 : ceilDiv(p.cap() - value, p.increment());
            if (remaining <= toCap) {
                value = (int) Math.min(p.cap(), value + remaining * p.increment());
                break;
            }
            remaining -= toCap + 1; // climb to the cap, then one period at the cap
            var harder = p.advanceChain() ? chain.harderWith(exercise, p.field()) : Optional.<UUID>empty();
            if (harder.isEmpty()) {
                value = p.cap();
                break;
            }
            exercise = harder.get();
            value = restart;
        }
        return new Prescription(exercise, item.dosage().with(p.field(), value));
    }

    /** The dates in (from, from + days] on which the prescription changes, with the new one. */
    public static List<Change> changesAfter(PlanItem item, LocalDate from, int days, Chain chain) {
        List<Change> changes = new ArrayList<>();
        if (item.progression() == null || item.paused() || item.held()) {
            return changes;
        }
        DosageField field = item.progression().field();
        Prescription previous = on(item, from, chain);
        long previousPeriod = period(item, from);
        for (int d = 1; d <= days; d++) {
            LocalDate date = from.plusDays(d);
            long period = period(item, date);
            if (period == previousPeriod) {
                continue; // what on(...) prescribes depends on the date only through its period
            }
            previousPeriod = period;
            Prescription next = on(item, date, chain);
            if (!sameStep(next, previous, field)) {
                changes.add(new Change(date, next));
                previous = next;
            }
        }
        return changes;
    }

    /**
     * The progression period {@link #on} computes for the date (whole {@code everyDays} since the
     * item's start), or -1 up to the start day, where the item's own dosage applies: two dates
     * of one period get the same prescription.
     */
    private static long period(PlanItem item, LocalDate date) {
        return date.isAfter(item.since()) ? ChronoUnit.DAYS.between(item.since(), date) / item.progression().everyDays() : -1;
    }

    /**
     * Whether two prescriptions of one item are the same step: they can differ only in the
     * exercise and the progressed field (every other field is the item's), so only those are
     * compared. (The records' generated equals, over every field of the dosage, was the largest
     * share of a staff plan read in a profile: docs/benchmarks.md.)
     */
    private static boolean sameStep(Prescription a, Prescription b, DosageField field) {
        return a.exerciseId().equals(b.exerciseId()) && Objects.equals(a.dosage().get(field), b.dosage().get(field));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
