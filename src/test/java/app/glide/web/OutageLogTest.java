package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OutageLogTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> infos = new ArrayList<>();
    private final OutageLog log = new OutageLog(now::get, Duration.ofSeconds(5), warnings::add, infos::add);

    private void at(double seconds) {
        now.set((long) (seconds * 1e9));
    }

    @Test
    void oneWarningPerOutageThenASummaryWithCounts() {
        log.success();
        assertTrue(warnings.isEmpty() && infos.isEmpty());
        at(1);
        log.failure("database-unavailable", "PSQLException 08001: refused (/v1/patients)");
        for (int i = 0; i < 39; i++) {
            at(1 + i * 0.25);
            log.failure(i % 10 == 0 ? "readiness-down" : "database-unavailable", "again");
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("08001"), warnings.get(0));
        at(12);
        log.success(); // too soon after the last failure (10.5 s): still the same outage
        assertTrue(log.isOpen());
        assertTrue(infos.isEmpty());
        at(16);
        log.success();
        assertFalse(log.isOpen());
        assertEquals(1, infos.size());
        assertTrue(infos.get(0).contains("database-unavailable=36") && infos.get(0).contains("readiness-down=4"), infos.get(0));
        log.success();
        assertEquals(1, infos.size());

        at(100);
        log.failure("try-again", "PSQLException 55P03: lock timeout");
        assertEquals(2, warnings.size(), "a new outage warns again");
        assertEquals(1L, log.counts().get("try-again"));
    }
}
