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
    public record Download(UUID id, byte[] content) {
    }

    /** Starts an export; 409 export-running naming the one already waiting or being built. */
    public ExportView request(UUID patientId) {
        Patient p = access.require(patientId);
        locks.lockWritable(p.id);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        int inserted = sql.update("""
                insert into patient_export (id, patient_id, clinic_id, requested_by, status, created_at, expires_at)
                values (?, ?, ?, ?, 'PENDING', ?, ?)
                on conflict (patient_id) where status in ('PENDING', 'RUNNING') do nothing""",
                id, p.id, p.clinicId, caller.userId(), now, now.plus(config.export().ttl()));
        if (inserted == 0) {
            UUID running = sql.first("select id from patient_export where patient_id = ? and status in ('PENDING', 'RUNNING')",
                    rs -> Sql.uuid(rs, 1), p.id).orElse(null);
            throw ApiProblem.conflict("export-running", "An export is already running",
                    "Export " + running + " of this patient is still being built: poll it instead of starting another.");
        }
        audit.record("patient_export", id, "requested", Map.of("patientId", p.id.toString()));
        return get(p.id, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExportView get(UUID patientId, UUID exportId) {
        access.require(patientId);
        return sql.first("select " + COLUMNS + " from patient_export where id = ? and patient_id = ?",
                this::view, exportId, patientId).orElseThrow(() -> ApiProblem.notFound("export", exportId));
    }

    /** The ZIP; 410 export-expired once expired, 409 export-not-ready before it is READY. */
    public Download download(UUID patientId, UUID exportId) {
        ExportView v = get(patientId, exportId);
        if ("EXPIRED".equals(v.status()) || ("READY".equals(v.status()) && !v.expiresAt().isAfter(clock.instant()))) {
            throw new ApiProblem(410, "export-expired", "Export expired",
                    "Export " + exportId + " expired at " + v.expiresAt() + "; start a new one.");
        }
        if (!"READY".equals(v.status())) {
            throw ApiProblem.conflict("export-not-ready", "Export not ready",
                    "Export " + exportId + " is " + v.status() + (v.failure() == null ? "" : " (" + v.failure() + ")")
                            + "; poll it until it is READY.");
        }
        byte[] content = sql.first("select content from patient_export where id = ?", rs -> rs.getBytes(1), exportId)
                .orElseThrow(() -> ApiProblem.notFound("export", exportId));
        audit.record("patient_export", exportId, "downloaded", Map.of("patientId", patientId.toString(),
                "bytes", content.length));
        return new Download(exportId, content);
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
