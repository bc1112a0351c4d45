package app.glide.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import io.smallrye.config.ConfigMapping;

/**
 * Latency histograms ({@code http_server_requests_seconds_bucket}) for the routes whose p99 is
 * alerted on (deploy/observability/prometheus-rules.yaml): the routes in
 * {@code glide.metrics.histogram-uris}, with {@link #BUCKETS} as boundaries. Only those: every
 * route, method and status with 12 more series each would multiply the scrape for percentiles
 * nobody watches. The other routes keep count, sum and max.
 */
public class LatencyHistograms {

    /** Bucket boundaries (le): 5 ms to 10 s, about ×2 apart, so a p99 is read to within a bucket. */
    public static final List<Duration> BUCKETS = List.of(Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    /** Environment GLIDE_METRICS_HISTOGRAM_URIS (route templates, comma-separated). */
    @ConfigMapping(prefix = "glide.metrics")
    public interface Settings {
        List<String> histogramUris();
    }

    @Produces
    @Singleton
    MeterFilter latencyHistograms(Settings settings) {
        Set<String> routes = Set.copyOf(settings.histogramUris());
        double[] slos = BUCKETS.stream().mapToDouble(Duration::toNanos).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName()) || !routes.contains(id.getTag("uri"))) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(slos).build().merge(config);
            }
        };
    }
}
