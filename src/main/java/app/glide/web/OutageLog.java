package app.glide.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Logs an expected database outage once instead of once per failed request: the first
 * failure opens an episode and is reported at once (one WARN, without a stack trace);
 * later failures are only counted; the first success that comes at least {@code quiet}
 * after the last failure closes the episode with a summary (how long, what failed how
 * often). Plain Java: time and the two log lines are handed in.
 */
public final class OutageLog {

    private final LongSupplier nanoClock;
    private final long quietNanos;
    private final Consumer<String> warn;
    private final Consumer<String> info;

    private volatile boolean open;
    private long startedAt;
    private long lastFailureAt;
    private final Map<String, Long> counts = new TreeMap<>();

    public OutageLog(LongSupplier nanoClock, Duration quiet, Consumer<String> warn, Consumer<String> info) {
        this.nanoClock = nanoClock;
        this.quietNanos = quiet.toNanos();
        this.warn = warn;
        this.info = info;
    }

    /** One failure of the given label (a problem type, or "readiness"); {@code what} describes it for the first line. */
    public void failure(String label, String what) {
        String first = null;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (!open) {
                open = true;
                startedAt = now;
                counts.clear();
                first = "Database trouble (" + label + "): " + what
                        + ". Answering 503 with Retry-After while it lasts; further failures are counted and summed up when it is over.";
            }
            counts.merge(label, 1L, Long::sum);
            lastFailureAt = now;
        }
        if (first != null) {
            warn.accept(first);
        }
    }

    /** Something worked; closes the episode when the last failure is at least {@code quiet} ago. Cheap when none is open. */
    public void success() {
        if (!open) {
            return;
        }
        String summary = null;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (!open || now - lastFailureAt < quietNanos) {
                return;
            }
            open = false;
            summary = String.format(Locale.ROOT,
                    "Database trouble over after %.1f s (last failure %.1f s ago): %s", (lastFailureAt - startedAt) / 1e9,
                    (now - lastFailureAt) / 1e9, counts);
        }
        info.accept(summary);
    }

    public boolean isOpen() {
        return open;
    }

    /** The failures counted in the current (or last) episode, by label. */
    public synchronized Map<String, Long> counts() {
        return Map.copyOf(counts);
    }
}
