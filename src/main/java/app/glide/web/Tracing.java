package app.glide.web;

import app.glide.config.ConfigRanges;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Which spans are recorded and exported (docs/operations.md "Observability"). Every request
 * gets a span either way, so its trace id (from the caller's W3C {@code traceparent}, or new)
 * is in the log MDC as {@code traceId}/{@code spanId}. With {@code glide.tracing.export=false}
 * (the default) no span is sampled: spans are non-recording (ids only, no attributes, no
 * timing), nothing reaches the OTLP exporter, whatever the caller's sampled flag says. With
 * {@code true}, a caller's sampling decision is followed and new traces are sampled at
 * {@code glide.tracing.sample-ratio}.
 *
 * <p>A sampler bean because Quarkus fixes the exporter and sampler type at build time; this
 * keeps export a runtime switch (env {@code GLIDE_TRACING_EXPORT}).
 */
public class Tracing {

    /** Environment GLIDE_TRACING_EXPORT, GLIDE_TRACING_SAMPLE_RATIO. */
    @ConfigMapping(prefix = "glide.tracing")
    public interface Settings {
        /** Record and export sampled spans (to quarkus.otel.exporter.otlp.traces.endpoint). */
        @WithDefault("false")
        boolean export();

        /** Share of requests recorded when exporting, 0 to 1, whatever the caller's traceparent asks. */
        @WithDefault("1.0")
        double sampleRatio();
    }

    @Produces
    @Singleton
    Sampler sampler(Settings settings) {
        // Checked here, where it is first read (plain Java: config/ConfigRanges says why).
        new ConfigRanges().check("glide.tracing.sample-ratio", settings.sampleRatio(), 0, 1).require();
        return sampler(settings.export(), settings.sampleRatio());
    }

    static Sampler sampler(boolean export, double sampleRatio) {
        if (!export) {
            return Sampler.alwaysOff();
        }
        // A caller's traceparent gives the trace id (logs and spans join the caller's trace), but
        // not the decision: any public client could send "-01" and have every request recorded
        // and exported. Local parents (spans within this request) follow their parent.
        Sampler root = Sampler.traceIdRatioBased(sampleRatio);
        return Sampler.parentBasedBuilder(root).setRemoteParentSampled(root).setRemoteParentNotSampled(root).build();
    }
}
