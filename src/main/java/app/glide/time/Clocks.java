package app.glide.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The application's two clocks. Every read of "now" goes through one of them (the
 * architecture test refuses {@code Instant.now()} and its relatives anywhere else).
 *
 * <ul>
 * <li>{@link Clock} (unqualified): the clinical clock. Sessions, plan revisions, the patient's
 * "today", morning checks, alerts, adherence weeks and suggestions read it. Tests replace it
 * with a movable one to put the application on another day or hour instead of rewriting
 * rows.</li>
 * <li>{@link WallClock}: security lifetimes (access and refresh tokens, enrolment codes,
 * password resets, login throttling, revocations). These are checked against the real time
 * by the JWT library and by PostgreSQL's {@code now()}, so they stay on it in tests too.</li>
 * </ul>
 *
 * Both tick in microseconds, the precision of PostgreSQL's {@code timestamptz}: a time the
 * API answers before storing it reads back identical.
 */
@ApplicationScoped
public class Clocks {

    /** PostgreSQL {@code timestamptz} precision. */
    public static final Duration TICK = Duration.ofNanos(1_000);

    @Produces
    @Singleton
    @DefaultBean
    Clock clinical() {
        return micros(Clock.systemUTC());
    }

    @Produces
    @Singleton
    @WallClock
    Clock wall() {
        return micros(Clock.systemUTC());
    }

    public static Clock micros(Clock clock) {
        return Clock.tick(clock, TICK);
    }
}
