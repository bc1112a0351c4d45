package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sampler behind glide.tracing.export / sample-ratio (web/Tracing). */
class TracingTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    static Sampler sampler(boolean export, double ratio) {
        return Tracing.sampler(export, ratio);
    }

    static SamplingDecision decide(Sampler s, Boolean parentSampled) {
        Context parent = Context.root();
        if (parentSampled != null) {
            parent = parent.with(Span.wrap(SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7",
                    parentSampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault())));
        }
        return s.shouldSample(parent, TRACE, "GET /v1/me/plan", SpanKind.SERVER, Attributes.empty(), List.of()).getDecision();
    }

    @Test
    void exportOffRecordsNothingEvenForASampledCaller() {
        Sampler off = sampler(false, 1.0);
        assertEquals(SamplingDecision.DROP, decide(off, null));
        assertEquals(SamplingDecision.DROP, decide(off, true));
    }

    @Test
    void exportOnSamplesEveryRequestAtTheRatioWhateverTheCallerAsks() {
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(sampler(true, 1.0), null));
        assertEquals(SamplingDecision.DROP, decide(sampler(true, 0.0), null));
        assertEquals(SamplingDecision.DROP, decide(sampler(true, 0.0), true), "a caller's sampled flag does not force recording");
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(sampler(true, 1.0), false), "nor does its unsampled flag prevent it");
    }
}
