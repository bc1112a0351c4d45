package app.glide.testing;

import app.glide.time.Clocks;
import io.quarkus.test.Mock;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clinical clock in tests: the real time, shifted by an offset a test sets. A test that
 * needs "three days ago" or "tomorrow morning in the patient's zone" moves this clock, acts
 * through the API, and moves it back ({@link #reset()} in the test's {@code @AfterEach}). Security lifetimes stay on the wall clock
 * ({@link app.glide.time.WallClock}), so tokens keep working while the clinical time moves.
 */
@Mock
@Singleton
public class TestClock extends Clock {

    private final Clock base = Clocks.micros(Clock.systemUTC());
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Puts the application {@code by} away from the real time (negative: the past). */
    public void shift(Duration by) {
        offset.set(by);
    }

    /** Puts the application at {@code at}, which then moves on with the real time. */
    public void setTo(Instant at) {
        offset.set(Duration.between(base.instant(), at));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application clock is UTC");
    }
}
