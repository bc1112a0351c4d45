package app.glide.testing;

import app.glide.time.Clocks;
import io.quarkus.test.Mock;
import jakarta.inject.Singleton;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.TestInfo;

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

    /**
     * Puts the application {@code days} days back on the calendar of {@code zone}, at the same local
     * time: the patient's "today" is then exactly {@code days} dates earlier, across a change of
     * daylight saving time too (where a shift by whole 24-hour days can land on the wrong date).
     */
    public void toDaysAgo(int days, ZoneId zone) {
        Instant real = base.instant();
        offset.set(Duration.between(real, real.atZone(zone).minusDays(days).toInstant()));
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

    /**
     * On a test method: its class's {@code @BeforeEach} makes what the test starts from (the patient's
     * plan) this many days before now, as if it had been made then ({@link #setUpDaysAgo(TestInfo)}).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface SetUpDaysAgo {
        int value();
    }

    /** The days the running test's {@link SetUpDaysAgo} asks for; 0 without one. */
    public static int setUpDaysAgo(TestInfo test) {
        return test.getTestMethod().map(m -> m.getAnnotation(SetUpDaysAgo.class)).map(SetUpDaysAgo::value).orElse(0);
    }
}
