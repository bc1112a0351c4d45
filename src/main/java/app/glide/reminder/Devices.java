package app.glide.reminder;

import app.glide.web.PatientLocks;
import app.glide.access.Caller;
import app.glide.auth.LoggedOut;
import app.glide.db.Sql;
import app.glide.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The caller's phones. A row is the caller's own (patient, installation); nothing here reads or
 * names another user's device. A push token belongs to one device: registering it takes it over
 * from any other row (another installation of the caller, or another user who signed in on the
 * same phone before), which is the only way one user's request removes another's row, and it
 * says nothing about that row. Logging out removes the devices the ending session registered
 * ({@link LoggedOut}, fired by auth/ in the logout's transaction).
 */
@ApplicationScoped
public class Devices {

    public record Registered(boolean created, ReminderDtos.DeviceView view) {
    }

    private static final String COLUMNS = "installation_id, platform, push_token, app_version, locale, time_zone,"
            + " registered_at, updated_at";

    @Inject
    PatientLocks locks;

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /**
     * Idempotent upsert of the caller's installation; the token's other rows are removed first,
     * under a lock on the token. Three statements. The token's shape is checked before (outside the transaction).
     */
    @Transactional
    public Registered register(UUID installationId, ReminderDtos.DeviceRequest r) {
        UUID me = caller.userId();
        locks.lockWritable(me);
        Instant now = clock.instant();
        // One registration of a token at a time: a second one (another installation or user taking the
        // token over at the same moment) waits, then finds and removes the first one's row instead of
        // colliding with it on the token's unique index.
        sql.first("select pg_advisory_xact_lock(hashtext('glide.device:' || ?))", rs -> true, r.pushToken());
        sql.update("delete from device where push_token = ? and not (patient_id = ? and installation_id = ?)",
                r.pushToken(), me, installationId);
        return sql.first("""
                insert into device (patient_id, installation_id, platform, push_token, app_version, locale, time_zone,
                                    session_id, registered_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (patient_id, installation_id) do update set platform = excluded.platform,
                    push_token = excluded.push_token, app_version = excluded.app_version, locale = excluded.locale,
                    time_zone = excluded.time_zone, session_id = excluded.session_id, updated_at = excluded.updated_at
                returning (xmax = 0), """ + COLUMNS,
                rs -> new Registered(rs.getBoolean(1), view(rs, 2)),
                me, installationId, r.platform().name(), r.pushToken(), r.appVersion(), r.locale(), r.timeZone(),
                caller.sessionId(), now, now).orElseThrow();
    }

    /** The caller's devices, most recently updated first. One statement. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReminderDtos.DeviceView> mine() {
        return sql.list("select " + COLUMNS + " from device where patient_id = ? order by updated_at desc, installation_id",
                rs -> view(rs, 1), caller.userId());
    }

    /** Removes the caller's installation; 404 when the caller has none with this id. */
    @Transactional
    public void remove(UUID installationId) {
        if (sql.update("delete from device where patient_id = ? and installation_id = ?", caller.userId(),
                installationId) == 0) {
            throw ApiProblem.notFound("device", installationId);
        }
    }

    /** Logout: the devices registered in the ending session go (in the logout's transaction). */
    void loggedOut(@Observes LoggedOut event) {
        sql.update("delete from device where patient_id = ? and session_id = ?", event.userId(), event.sessionId());
    }

    private static ReminderDtos.DeviceView view(ResultSet rs, int first) throws SQLException {
        return new ReminderDtos.DeviceView(Sql.uuid(rs, first), PushTokens.Platform.valueOf(rs.getString(first + 1)),
                rs.getString(first + 2), rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5),
                Sql.instant(rs, first + 6).atOffset(ZoneOffset.UTC), Sql.instant(rs, first + 7).atOffset(ZoneOffset.UTC));
    }
}
