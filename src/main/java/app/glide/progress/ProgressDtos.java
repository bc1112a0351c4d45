package app.glide.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Bodies of the progress endpoints (see openapi.yaml: ProgressSeries and what it holds). */
public final class ProgressDtos {

    private ProgressDtos() {
    }

    public record ProgressSeries(UUID patientId, LocalDate from, LocalDate to, ProgressMath.Bucket bucket,
                                 LocalDate today, List<ProgressBucket> buckets, List<ProgressMarker> markers) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProgressBucket(LocalDate start, LocalDate end, int sessions, double sessionsExpected,
                                 double sessionsDone, Double adherence, Double painBefore, Double painPeak,
                                 Double painAfter, Double nextMorningPain, String worstSymptomExtent,
                                 List<ProgressItemDose> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProgressItemDose(UUID itemId, int timesDone, int timesSkipped, Double sets, Double reps,
                                   Double holdSeconds, Double durationMinutes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProgressMarker(ProgressMarkers.Kind kind, LocalDate date, LocalDate endDate, UUID planId,
                                 Integer revision, String revisionKind, UUID visitId, String visitKind,
                                 UUID responseId, String instrumentId, Double score, String band) {

        static ProgressMarker of(ProgressMarkers.Marker m) {
            ProgressMarkers.Event e = m.event();
            boolean visit = m.kind() == ProgressMarkers.Kind.VISIT;
            boolean outcome = m.kind() == ProgressMarkers.Kind.OUTCOME;
            return new ProgressMarker(m.kind(), m.date(), m.endDate(), m.planId(), m.revision(), m.revisionKind(),
                    visit ? e.id() : null, visit ? e.detail() : null, outcome ? e.id() : null,
                    outcome ? e.detail() : null, outcome ? e.score() : null, outcome ? e.band() : null);
        }
    }

    static ProgressSeries series(UUID patientId, LocalDate from, LocalDate to, ProgressMath.Bucket bucket,
                                 LocalDate today, List<ProgressMath.Point> points,
                                 List<ProgressMarkers.Marker> markers) {
        return new ProgressSeries(patientId, from, to, bucket, today,
                points.stream().map(p -> new ProgressBucket(p.start(), p.end(), p.sessions(), p.sessionsExpected(),
                        p.sessionsDone(), p.adherence(), p.painBefore(), p.painPeak(), p.painAfter(),
                        p.nextMorningPain(), p.worstSymptomExtent() == null ? null : p.worstSymptomExtent().name(),
                        p.items().stream().map(i -> new ProgressItemDose(i.itemId(), i.timesDone(), i.timesSkipped(),
                                i.sets(), i.reps(), i.holdSeconds(), i.durationMinutes())).toList())).toList(),
                markers.stream().map(ProgressMarker::of).toList());
    }
}
