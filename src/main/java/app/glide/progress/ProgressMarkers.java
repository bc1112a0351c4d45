package app.glide.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The events a progress chart marks, plain Java: plan revisions (by the date they take
 * effect), flare-ups (from the revisions' flare state: it starts on its {@code startedOn} and
 * ends on the date the first revision without it takes effect, or the plan's end) and positive
 * red-flag check-ins. Only those touching the asked range.
 */
public final class ProgressMarkers {

    private ProgressMarkers() {
    }

    public enum Kind {
        PLAN_REVISION, FLARE_UP, RED_FLAG
    }

    /** A marker; {@code endDate} for spans (null: still going), the revision fields for PLAN_REVISION. */
    public record Marker(Kind kind, LocalDate date, LocalDate endDate, UUID planId, Integer revision,
                         String revisionKind) {
    }

    /**
     * A plan revision as stored, oldest first per plan; {@code flareStartedOn} non-null while a
     * flare-up is active in it; {@code planEndedOn} the plan's end, null while it is active.
     */
    public record RevisionRow(UUID planId, LocalDate planEndedOn, int revision, String kind, LocalDate effectiveOn,
                              LocalDate flareStartedOn) {
    }

    public static List<Marker> markers(LocalDate from, LocalDate to, List<RevisionRow> revisions,
                                       List<LocalDate> redFlags) {
        List<Marker> out = new ArrayList<>();
        UUID plan = null;
        LocalDate flareStart = null;
        LocalDate planEnd = null;
        for (RevisionRow r : revisions) {
            if (!r.planId().equals(plan)) {
                closeFlare(out, from, to, flareStart, planEnd);
                plan = r.planId();
                flareStart = null;
            }
            planEnd = r.planEndedOn();
            if (within(r.effectiveOn(), from, to)) {
                out.add(new Marker(Kind.PLAN_REVISION, r.effectiveOn(), null, r.planId(), r.revision(), r.kind()));
            }
            if (flareStart != null && !Objects.equals(flareStart, r.flareStartedOn())) {
                closeFlare(out, from, to, flareStart, r.effectiveOn());
                flareStart = null;
            }
            if (flareStart == null && r.flareStartedOn() != null) {
                flareStart = r.flareStartedOn();
            }
        }
        closeFlare(out, from, to, flareStart, planEnd);
        for (LocalDate d : redFlags) {
            if (within(d, from, to)) {
                out.add(new Marker(Kind.RED_FLAG, d, null, null, null, null));
            }
        }
        out.sort(Comparator.comparing(Marker::date).thenComparing(Marker::kind));
        return out;
    }

    private static void closeFlare(List<Marker> out, LocalDate from, LocalDate to, LocalDate start, LocalDate end) {
        if (start != null && !start.isAfter(to) && (end == null || !end.isBefore(from))) {
            out.add(new Marker(Kind.FLARE_UP, start, end, null, null, null));
        }
    }

    private static boolean within(LocalDate d, LocalDate from, LocalDate to) {
        return !d.isBefore(from) && !d.isAfter(to);
    }
}
