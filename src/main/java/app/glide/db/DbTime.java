package app.glide.db;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Times as PostgreSQL keeps them: {@code timestamptz} has microseconds. A value answered
 * to a client before it is stored must already be cut to that precision, or the first
 * answer and every later read of the same row differ (and PostgreSQL rounds where we
 * would cut). "Now" needs no cutting: the application's clocks tick in microseconds
 * ({@link app.glide.time.Clocks}). Plain Java.
 */
public final class DbTime {

    private DbTime() {
    }

    public static OffsetDateTime micros(OffsetDateTime t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
