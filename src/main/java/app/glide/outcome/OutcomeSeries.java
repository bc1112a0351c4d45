package app.glide.outcome;

import app.glide.outcome.OutcomeDtos.BaselineView;
import app.glide.outcome.OutcomeDtos.ChangeView;
import app.glide.outcome.OutcomeDtos.InstrumentSeries;
import app.glide.outcome.OutcomeDtos.OutcomePoint;
import app.glide.outcome.OutcomeDtos.ResponseView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A patient's responses turned into views: per instrument and version, the baseline is the first
 * response by {@code answeredAt} (ties: the one received first), and every later response carries
 * its change against it. A response that arrives late with an earlier {@code answeredAt} becomes
 * the baseline from then on. Plain Java.
 */
public final class OutcomeSeries {

    static final Comparator<StoredResponse> ORDER = Comparator.comparing(StoredResponse::answeredAt)
            .thenComparing(StoredResponse::receivedAt).thenComparing(StoredResponse::id);

    private OutcomeSeries() {
    }

    /** Every response as a view with its baseline and change, in the given responses' order. */
    public static List<ResponseView> views(List<StoredResponse> responses) {
        Map<String, StoredResponse> baselines = baselines(responses);
        return responses.stream().map(r -> view(r, baselines.get(key(r)))).toList();
    }

    /** Per instrument (in the order of the instruments' first responses), its series oldest first. */
    public static List<InstrumentSeries> series(List<StoredResponse> responses) {
        Map<String, List<StoredResponse>> by = new LinkedHashMap<>();
        responses.stream().sorted(ORDER).forEach(r -> by.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r));
        List<InstrumentSeries> series = new ArrayList<>();
        by.values().forEach(rs -> {
            StoredResponse base = rs.get(0);
            List<OutcomePoint> points = rs.stream().map(r -> new OutcomePoint(r.id(), r.answeredAt(), r.score(),
                    r.band(), r == base ? null : change(r, base), r == base ? null : activityChanges(r, base))).toList();
            series.add(new InstrumentSeries(base.instrumentId(), base.instrumentVersion(),
                    Instruments.definition(base.instrumentId()).name(), baseline(base), points.get(points.size() - 1),
                    points));
        });
        return series;
    }

    static ResponseView view(StoredResponse r, StoredResponse base) {
        boolean isBase = base == null || base.id().equals(r.id());
        return new ResponseView(r.id(), r.patientId(), r.instrumentId(), r.instrumentVersion(), r.answeredAt(),
                r.receivedAt(), r.answers(), r.activities(), r.score(), r.band(), r.subscores(), r.answeredItems(),
                isBase, isBase ? null : baseline(base), isBase ? null : change(r, base),
                isBase ? null : activityChanges(r, base));
    }

    /**
     * PSFS: the change of each activity rated in both the baseline and this response (3 points is
     * meaningful for one activity); {@code null} for the other instruments.
     */
    private static Map<String, ChangeView> activityChanges(StoredResponse r, StoredResponse base) {
        if (!Psfs.ID.equals(r.instrumentId())) {
            return null;
        }
        Map<String, ChangeView> changes = new LinkedHashMap<>();
        Psfs.activityChanges(score(base), score(r)).forEach((name, c) -> changes.put(name, ChangeView.of(c)));
        return changes;
    }

    private static Score score(StoredResponse r) {
        return new Score(r.instrumentId(), r.score(), r.band(), r.subscores(), r.answeredItems(), null);
    }

    private static Map<String, StoredResponse> baselines(List<StoredResponse> responses) {
        Map<String, StoredResponse> first = new LinkedHashMap<>();
        responses.forEach(r -> first.merge(key(r), r, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b));
        return first;
    }

    /** PSFS: over the activities named in both, {@code null} when none are ({@link Psfs#change}). */
    private static ChangeView change(StoredResponse r, StoredResponse base) {
        if (Psfs.ID.equals(r.instrumentId())) {
            Change c = Psfs.change(score(base), score(r));
            return c == null ? null : ChangeView.of(c);
        }
        return ChangeView.of(QuestionnaireScoring.change(r.instrumentId(), base.score(), r.score()));
    }

    private static BaselineView baseline(StoredResponse base) {
        return new BaselineView(base.id(), base.answeredAt(), base.score(), base.band());
    }

    private static String key(StoredResponse r) {
        return r.instrumentId() + "@" + r.instrumentVersion();
    }
}
