package app.glide.web;

import static app.glide.testing.Api.outsideContract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 6: a line logged while a request is served carries that request's trace id
 * (MDC {@code traceId}, next to {@code requestId}); a caller's W3C {@code traceparent} is
 * honoured (its trace id is the one logged); with export off (the default) no span is
 * sampled, whatever the caller's flag says. The line used is the ERROR that ProblemMappers
 * writes for an unexpected failure (a test-only endpoint, {@link BoomResource}).
 */
@QuarkusTest
class TraceIdLogTest {

    record Line(String message, String requestId, String traceId, String spanId, String sampled) {
    }

    final List<Line> lines = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            // Read the MDC here, on the thread that logs (as the console and JSON handlers do).
            ExtLogRecord e = (ExtLogRecord) r;
            lines.add(new Line(e.getFormattedMessage(), e.getMdc("requestId"), e.getMdc("traceId"), e.getMdc("spanId"),
                    e.getMdc("sampled")));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(ProblemMappers.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(ProblemMappers.class.getName()).removeHandler(capture);
    }

    private Line boom(String requestId, String traceparent) {
        var request = outsideContract().header("X-Request-Id", requestId);
        if (traceparent != null) {
            request = request.header("traceparent", traceparent);
        }
        request.get("/test-only/boom").then().statusCode(500);
        List<Line> mine = lines.stream().filter(l -> requestId.equals(l.requestId())).toList();
        assertEquals(1, mine.size(), "one ERROR line for request " + requestId + ": " + lines);
        assertTrue(mine.get(0).message().contains(requestId), mine.get(0).message());
        return mine.get(0);
    }

    @Test
    void eachRequestsLogLinesCarryItsOwnNewTraceId() {
        Line a = boom("trace-test-a", null);
        Line b = boom("trace-test-b", null);
        for (Line l : List.of(a, b)) {
            assertTrue(l.traceId() != null && l.traceId().matches("[0-9a-f]{32}") && !l.traceId().matches("0+"),
                    "a valid trace id: " + l);
            assertTrue(l.spanId() != null && l.spanId().matches("[0-9a-f]{16}") && !l.spanId().matches("0+"),
                    "a valid span id: " + l);
            assertEquals("false", l.sampled(), "export is off: not sampled");
        }
        assertNotEquals(a.traceId(), b.traceId(), "a new trace per request");
    }

    @Test
    void aCallersTraceparentIsHonouredButNotItsSampledFlagWhileExportIsOff() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Line l = boom("trace-test-c", "00-" + traceId + "-00f067aa0ba902b7-01");
        assertEquals(traceId, l.traceId(), "the caller's trace continues");
        assertNotEquals("00f067aa0ba902b7", l.spanId(), "our span is a child, with its own id");
        assertEquals("false", l.sampled(), "export off: even a sampled caller's span is not recorded here");
    }

    @Test
    void anInvalidTraceparentStartsANewTrace() {
        Line l = boom("trace-test-d", "00-00000000000000000000000000000000-00f067aa0ba902b7-01");
        assertTrue(l.traceId() != null && l.traceId().matches("[0-9a-f]{32}") && !l.traceId().matches("0+"), l.toString());
    }
}
