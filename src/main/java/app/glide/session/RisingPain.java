package app.glide.session;

import app.glide.alert.AlertRules;
import app.glide.db.Sql;
import app.glide.visit.SorenessWindow;
import app.glide.visit.SorenessWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a session's rising resting pain is a {@code PAIN_RISING} alert, with the expected
 * soreness after needling or manual therapy left out (issue 14, item 3): none for a session
 * that started inside a soreness window, and after one the 7-day average is taken over the
 * sessions outside every window. Asks the database only when the plain rule would raise the
 * alert (rare), so the session PUT's usual path issues nothing more.
 */
@ApplicationScoped
public class RisingPain {

    /** A logged session's start and its resting pain before it. */
    public record Resting(Instant startedAt, int painBefore) {
    }

    @Inject
    SorenessWindows sorenessWindows;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    /**
     * The 7-day average the alert states, or empty when there is no alert.
     *
     * @param avg7d the patient's 7-day average resting pain (all sessions), {@code today} the patient's date
     */
    public Optional<Double> alertAverage(UUID patientId, Instant sessionStart, LocalDate today, Double avg7d,
                                         Double baseline, AlertRules.Thresholds t) {
        if (!AlertRules.painRising(avg7d, baseline, t) || sorenessWindows.openAt(patientId, sessionStart).isPresent()) {
            return Optional.empty();
        }
        LocalDate from = today.minusDays(6);
        // A local date is at most 18 hours (the offset limit) from the UTC one.
        List<SorenessWindow> windows = sorenessWindows.windows(patientId,
                from.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), clock.instant());
        if (windows.isEmpty()) {
            return Optional.of(avg7d);
        }
        List<Resting> week = sql.list("""
                select started_at, pain_before from session_log
                where patient_id = ? and local_date between ? and ?""",
                rs -> new Resting(Sql.instant(rs, 1), rs.getInt(2)), patientId, from, today);
        Double outside = meanOutside(week, windows);
        return AlertRules.painRising(outside, baseline, t) ? Optional.of(outside) : Optional.empty();
    }

    /** Mean resting pain of the sessions that started outside every window; null when none did. */
    public static Double meanOutside(List<Resting> sessions, List<SorenessWindow> windows) {
        int sum = 0;
        int count = 0;
        for (Resting s : sessions) {
            if (windows.stream().noneMatch(w -> w.contains(s.startedAt()))) {
                sum += s.painBefore();
                count++;
            }
        }
        return count == 0 ? null : (double) sum / count;
    }
}
