package app.glide.export;

import app.glide.web.PatientLocks;
import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.audit.AuditLog;
import app.glide.config.GlideConfig;
import app.glide.db.Sql;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Requests, status and downloads of patients' exports (issue 17, item 3), for the patient
 * themself and for staff who may see the patient (PatientAccess: the care team's therapists,
 * the clinic's admins; anyone else 404). ExportJob builds them. Every request and download is
 * audited.
 */
@ApplicationScoped
@Transactional
public class PatientExports {

    private static final String COLUMNS = """
            id, patient_id, status, created_at, completed_at, expires_at, bytes, sha256, failure""";

    @Inject
    PatientLocks locks;

    @Inject
    Sql sql;

    @Inject
    PatientAccess access;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    GlideConfig config;

    @Inject
    Clock clock;

    /** The ZIP of a READY export. */
    public record Download(UUID id, long bytes) {
    }

    /**
     * Starts an export; 409 export-running (extension member {@code exportId}) naming the one
     * already waiting or being built. A READY export of the patient is retired (EXPIRED, its
     * file dropped): a patient has at most one downloadable export, the newest.
     */
    public ExportView request(UUID patientId) {
        Patient p = access.require(patientId);
        locks.lockWritable(p.id);
        // Under the patient's lock: the export waiting or being built is this statement's to see.
        Optional<UUID> running = sql.first("select id from patient_export where patient_id = ? and status in ('PENDING', 'RUNNING')",
                rs -> Sql.uuid(rs, 1), p.id);
        if (running.isPresent()) {
            throw ApiProblem.conflict("export-running", "An export is already running",
                    "Export " + running.get() + " of this patient is still being built: poll it instead of starting another.")
                    .with("exportId", running.get().toString());
        }
        Instant now = clock.instant();
        sql.update("update patient_export set status = 'EXPIRED', content = null, expires_at = least(expires_at, ?)"
                + " where patient_id = ? and status = 'READY'", now, p.id);
        UUID id = UUID.randomUUID();
        sql.update("""
                insert into patient_export (id, patient_id, clinic_id, requested_by, status, created_at, expires_at)
                values (?, ?, ?, ?, 'PENDING', ?, ?)""",
                id, p.id, p.clinicId, caller.userId(), now, now.plus(config.export().ttl()));
        audit.record("patient_export", id, "requested", Map.of("patientId", p.id.toString()));
        return get(p.id, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExportView get(UUID patientId, UUID exportId) {
        access.require(patientId);
        return sql.first("select " + COLUMNS + " from patient_export where id = ? and patient_id = ?",
                this::view, exportId, patientId).orElseThrow(() -> ApiProblem.notFound("export", exportId));
    }

    /**
     * Checks and audits a download (one query decides): 404 unknown, 410 export-expired once
     * expired (also when it expires between a poll and this call), 409 export-failed for a
     * FAILED one, 409 export-not-ready before it is READY. The file is then read in slices by
     * {@link #slice} while the response is written: never whole in memory.
     */
    public Download download(UUID patientId, UUID exportId) {
        access.require(patientId);
        record State(String status, Instant expiresAt, long bytes, String failure, boolean expired) {
        }
        State st = sql.first("""
                select status, expires_at, coalesce(bytes, 0), failure, expires_at <= ? from patient_export
                where id = ? and patient_id = ?""",
                rs -> new State(rs.getString(1), Sql.instant(rs, 2), rs.getLong(3), rs.getString(4), rs.getBoolean(5)),
                clock.instant(), exportId, patientId).orElseThrow(() -> ApiProblem.notFound("export", exportId));
        if ("EXPIRED".equals(st.status()) || ("READY".equals(st.status()) && st.expired())) {
            throw new ApiProblem(410, "export-expired", "Export expired",
                    "Export " + exportId + " expired at " + st.expiresAt() + "; start a new one.");
        }
        if ("FAILED".equals(st.status())) {
            throw ApiProblem.conflict("export-failed", "Export failed",
                    "Export " + exportId + " failed (" + st.failure() + "); start a new one.");
        }
        if (!"READY".equals(st.status())) {
            throw ApiProblem.conflict("export-not-ready", "Export not ready",
                    "Export " + exportId + " is " + st.status() + "; poll it until it is READY.");
        }
        audit.record("patient_export", exportId, "downloaded", Map.of("patientId", patientId.toString(),
                "bytes", st.bytes()));
        return new Download(exportId, st.bytes());
    }

    /** Up to {@code length} bytes of a READY export's file from {@code offset}; empty once it is no longer READY. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<byte[]> slice(UUID exportId, long offset, int length) {
        return sql.first("select substring(content from ? for ?) from patient_export where id = ? and status = 'READY'",
                rs -> rs.getBytes(1), Math.toIntExact(offset + 1), length, exportId);
    }

    private ExportView view(ResultSet rs) throws SQLException {
        UUID id = Sql.uuid(rs, 1);
        UUID patientId = Sql.uuid(rs, 2);
        long size = rs.getLong(7);
        Long bytes = rs.wasNull() ? null : size;
        byte[] sha = rs.getBytes(8);
        String base = caller.is(Role.PATIENT) ? "/v1/me/exports/" : "/v1/patients/" + patientId + "/exports/";
        String status = rs.getString(3);
        return new ExportView(id, patientId, status, Sql.instant(rs, 4), Sql.instant(rs, 5), Sql.instant(rs, 6),
                bytes, sha == null ? null : HexFormat.of().formatHex(sha),
                rs.getString(9), "READY".equals(status) ? base + id + "/download" : null);
    }
}
