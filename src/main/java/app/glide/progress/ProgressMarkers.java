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
 * ends on the date the first revision without it takes effect, or the plan's end), positive
 * red-flag check-ins, visits in the clinic and outcome scores. Only those touching the asked range.
 */
public final class ProgressMarkers {

    private ProgressMarkers() {
    }

    public enum Kind {
        PLAN_REVISION, FLARE_UP, RED_FLAG, VISIT, OUTCOME
    }

    /**
     * A marker; {@code endDate} for spans (null: still going), the revision fields for
     * PLAN_REVISION, the {@link Event} fields for VISIT and OUTCOME.
     */
    public record Marker(Kind kind, LocalDate date, LocalDate endDate, UUID planId, Integer revision,
                         String revisionKind, Event event) {
        Marker(Kind kind, LocalDate date, LocalDate endDate, UUID planId, Integer revision, String revisionKind) {
            this(kind, date, endDate, planId, revision, revisionKind, null);
        }
    }

    /**
     * A one-day event on the patient's date: a positive red-flag check-in (RED_FLAG), a visit
     * ({@code id} the visit, {@code detail} its kind) or an outcome score ({@code id} the
     * response, {@code detail} the instrument, with {@code score} and {@code band}).
     */
    public record Event(Kind kind, LocalDate date, UUID id, String detail, Double score, String band) {
    }

    /**
     * A plan revision as stored, oldest first per plan; {@code flareStartedOn} non-null while a
     * flare-up is active in it; {@code planEndedOn} the plan's end, null while it is active.
     */
    public record RevisionRow(UUID planId, LocalDate planEndedOn, int revision, String kind, LocalDate effectiveOn,
                              LocalDate flareStartedOn) {
    }

    public static List<Marker> markers(LocalDate from, LocalDate to, List<RevisionRow> revisions,
                                       List<Event> events) {
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
        for (Event e : events) {
            if (within(e.date(), from, to)) {
                out.add(new Marker(e.kind(), e.date(), null, null, null, null, e.kind() == Kind.RED_FLAG ? null : e));
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
