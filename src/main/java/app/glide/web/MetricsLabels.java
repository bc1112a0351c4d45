package app.glide.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Pattern;

/**
 * No metric label carries an id from a request path. Routes are labelled with their
 * template ({@code /v1/patients/{patientId}}); requests that matched none are labelled
 * {@code NOT_FOUND}/{@code UNKNOWN} by Quarkus ({@code suppress4xx-errors}); a raw path can
 * still reach the {@code uri} tag when a request that matched no route is answered 5xx (a
 * late request during shutdown). Such a {@code uri} holding a UUID or a number is
 * replaced by {@code UNKNOWN}: no user id ever becomes a label, nor a time series per id.
 */
public class MetricsLabels {

    private static final Pattern ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|/\\d+(/|$)");

    /** The uri label to keep: {@code UNKNOWN} instead of one that holds an id. */
    public static String uri(String value) {
        return value != null && ID.matcher(value).find() ? "UNKNOWN" : value;
    }

    @Produces
    @Singleton
    MeterFilter noIdsInUriLabels() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                String safe = uri(uri);
                if (uri == null || safe.equals(uri)) {
                    return id;
                }
                List<Tag> tags = id.getTags().stream()
                        .map(t -> t.getKey().equals("uri") ? Tag.of("uri", safe) : t).toList();
                return id.replaceTags(tags);
            }
        };
    }
}
