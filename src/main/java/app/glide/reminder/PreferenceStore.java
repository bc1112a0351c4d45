package app.glide.reminder;

import app.glide.web.PatientLocks;
import app.glide.access.Caller;
import app.glide.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

/** The caller's reminder preferences: one row per patient, the defaults until the first save. */
@ApplicationScoped
public class PreferenceStore {

    /** The columns {@link #read} maps, for a statement that selects them (alias {@code rp}). */
    static final String COLUMNS = "rp.reminder_times::text[], rp.quiet_start, rp.quiet_end, rp.nudge_if_not_logged_by,"
            + " rp.morning_check_at";

    @Inject
    PatientLocks locks;

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** One statement. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReminderPreferences mine() {
        return sql.first("select " + COLUMNS + " from reminder_preference rp where rp.patient_id = ?",
                rs -> read(rs, 1), caller.userId()).orElse(ReminderPreferences.DEFAULT);
    }

    /** A patient's preferences (the defaults when they never saved any), for server push. One statement. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReminderPreferences of(java.util.UUID patientId) {
        return sql.first("select " + COLUMNS + " from reminder_preference rp where rp.patient_id = ?",
                rs -> read(rs, 1), patientId).orElse(ReminderPreferences.DEFAULT);
    }

    /** Replaces the caller's preferences (already checked by {@link PreferenceRules}). One statement. */
    @Transactional
    public void save(ReminderPreferences p) {
        locks.lockWritable(caller.userId());
        sql.update("""
                insert into reminder_preference (patient_id, reminder_times, quiet_start, quiet_end,
                                                 nudge_if_not_logged_by, morning_check_at, updated_at)
                values (?, ?::time[], ?::time, ?::time, ?::time, ?::time, ?)
                on conflict (patient_id) do update set reminder_times = excluded.reminder_times,
                    quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
                    nudge_if_not_logged_by = excluded.nudge_if_not_logged_by,
                    morning_check_at = excluded.morning_check_at, updated_at = excluded.updated_at""",
                caller.userId(), p.reminderTimes().stream().map(LocalTime::toString).toArray(String[]::new),
                text(p.quietHours() == null ? null : p.quietHours().start()),
                text(p.quietHours() == null ? null : p.quietHours().end()), text(p.nudgeIfNotLoggedBy()),
                text(p.morningCheckAt()), clock.instant());
    }

    /** The preferences in {@link #COLUMNS} from {@code first}, or the defaults when the row is absent (all null). */
    static ReminderPreferences read(ResultSet rs, int first) throws SQLException {
        Array times = rs.getArray(first);
        if (times == null) {
            return ReminderPreferences.DEFAULT;
        }
        List<LocalTime> parsed = Arrays.stream((String[]) times.getArray()).map(LocalTime::parse).toList();
        LocalTime start = rs.getObject(first + 1, LocalTime.class);
        LocalTime end = rs.getObject(first + 2, LocalTime.class);
        return new ReminderPreferences(parsed, start == null ? null : new ReminderPreferences.QuietHours(start, end),
                rs.getObject(first + 3, LocalTime.class), rs.getObject(first + 4, LocalTime.class));
    }

    private static String text(LocalTime t) {
        return t == null ? null : t.toString();
    }
}
