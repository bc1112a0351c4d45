package app.glide.disclosure;

import app.glide.access.Caller;
import app.glide.db.Sql;
import app.glide.patient.PatientAccess;
import app.glide.web.AccessedData;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A patient's access log, newest first (in the order the records were written). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccessLogQueries {

    /** Keyset on id, served by the index patient_access_patient (V26). */
    private static final String SELECT = """
            select a.id, a.occurred_at, a.actor_user_id, u.display_name, a.actor_role, a.what, a.request_id
            from patient_access a join app_user u on u.id = a.actor_user_id
            where a.patient_id = ?""";

    record Row(long id, AccessRecord record) {
    }

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    /** The calling patient's own log. */
    public Page<AccessRecord> mine(String cursor, int limit) {
        return Page.of(page(caller.userId(), cursor, limit), limit, r -> r.record().forPatient(), AccessLogQueries::cursorOf);
    }

    /** A patient's log for the clinic admin (404 outside the admin's clinic). */
    public Page<AccessRecord> ofPatient(UUID patientId, String cursor, int limit) {
        access.require(patientId);
        return Page.of(page(patientId, cursor, limit), limit, Row::record, AccessLogQueries::cursorOf);
    }

    /**
     * Every record up to {@code asOf}, oldest first: the data export's copy, as the patient sees
     * it (no request ids: a therapist may start the export, and only the admin sees those).
     */
    List<AccessRecord> upTo(UUID patientId, Instant asOf) {
        return sql.list(SELECT + " and a.occurred_at <= ? order by a.id", rs -> row(rs).record().forPatient(), patientId,
                asOf);
    }

    private List<Row> page(UUID patientId, String cursor, int limit) {
        long before = PageCursor.decode(cursor).map(PageCursor::longId).orElse(Long.MAX_VALUE);
        return sql.list(SELECT + " and a.id < ? order by a.id desc limit ?", AccessLogQueries::row, patientId, before, limit + 1);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), new AccessRecord(Sql.instant(rs, 2), Sql.uuid(rs, 3), rs.getString(4), rs.getString(5),
                AccessedData.valueOf(rs.getString(6)), rs.getString(7)));
    }

    private static PageCursor cursorOf(Row r) {
        return new PageCursor(r.record().occurredAt().toString(), Long.toString(r.id()));
    }
}
