package app.glide.web;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The pool's size as a gauge, {@code glide_db_pool_max_size{datasource="default"}}, next to
 * Agroal's own ({@code agroal_active_count}, {@code agroal_awaiting_count}, ...,
 * quarkus.datasource.metrics.enabled), which have no maximum: the saturation alert divides
 * active connections by it (deploy/observability/prometheus-rules.yaml). Read from the pool's
 * configuration at each scrape, so a resize shows.
 */
@ApplicationScoped
public class PoolMetrics {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    void onStart(@Observes StartupEvent start) {
        Gauge.builder("glide.db.pool.max.size", dataSource,
                        ds -> ds.getConfiguration().connectionPoolConfiguration().maxSize())
                .tag("datasource", "default")
                .description("Most connections the pool opens (quarkus.datasource.jdbc.max-size)").register(meters);
    }
}
