package app.glide.push;

import app.glide.reminder.ReminderPreferences.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The dispatcher's time rules, plain Java: when quiet hours end (in the patient's zone, across
 * midnight and DST changes) and how long to wait before the next attempt after a RETRY.
 */
public final class PushTiming {

    /** First retry after this; doubled each attempt. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    /** No retry waits longer (unless the provider's Retry-After says so). */
    static final Duration MAX_RETRY = Duration.ofHours(1);

    private PushTiming() {
    }

    /**
     * Empty when {@code now} is outside the quiet hours (or there are none); otherwise the instant
     * they end: the next occurrence of {@code quiet.end()} in the zone after {@code now}. A local
     * end time that does not exist on that day (spring-forward gap) is moved forward by the gap.
     */
    public static Optional<Instant> quietUntil(Instant now, ZoneId zone, QuietHours quiet) {
        if (quiet == null || quiet.coversWholeDay()) {
            return Optional.empty();
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        if (!quiet.contains(local.toLocalTime())) {
            return Optional.empty();
        }
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(quiet.end())) {
            day = day.plusDays(1);  // wrapped over midnight: the quiet hours end tomorrow
        }
        Instant end = ZonedDateTime.of(day, quiet.end(), zone).toInstant();
        return Optional.of(end.isAfter(now) ? end : now);
    }

    /** Whether a local time lies in the quiet hours (none: never). */
    public static boolean quiet(LocalTime t, QuietHours quiet) {
        return quiet != null && !quiet.coversWholeDay() && quiet.contains(t);
    }

    /**
     * The wait before attempt {@code attempts + 1}, after {@code attempts} (≥ 1) failed ones:
     * 30 s · 2^(attempts − 1), at most an hour, and never shorter than the provider's
     * {@code retryAfter} (which may exceed the hour: the provider decides).
     */
    public static Duration backoff(int attempts, Duration retryAfter) {
        int n = Math.max(1, attempts) - 1;
        Duration wait = n >= 7 ? MAX_RETRY : FIRST_RETRY.multipliedBy(1L << n);
        if (wait.compareTo(MAX_RETRY) > 0) {
            wait = MAX_RETRY;
        }
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return wait;
    }
}
