package app.glide.erasure;

import app.glide.audit.AuditLog;
import app.glide.db.Sql;
import app.glide.erasure.ErasureDtos.ErasureRequest;
import app.glide.erasure.ErasureDtos.ErasureStepView;
import app.glide.erasure.ErasureDtos.ErasureView;
import app.glide.config.GlideConfig;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.patient.PatientCredentials;
import app.glide.web.ApiProblem;
import app.glide.web.PatientLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Erases a patient on request (issue 17, item 4; docs/security.md "Erasure"): the account
 * and patient rows keep their ids under a pseudonym, login is disabled and every token and
 * device revoked, {@link ErasureSteps} remove the rest, all in one transaction. The audit trail
 * is append-only and keeps its events; they hold ids, which now lead to the pseudonym. The
 * request is audited on its own (it stays even if the erasure fails), the outcome with the
 * erasure.
 */
@ApplicationScoped
public class PatientErasure {


    @Inject
    Sql sql;

    @Inject
    PatientAccess access;

    @Inject
    PatientLocks locks;

    @Inject
    PatientCredentials credentials;

    @Inject
    GlideConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;


    @Transactional
    public ErasureView erase(UUID patientId, ErasureRequest request) {
        Patient p = access.require(patientId);
        // The patient's writers (PatientLocks.lockWritable: sessions, messages, plan, visits, ...) take
        // this lock first: they commit before the erasure, or wait for it and then refuse (409).
        locks.lock(p.id);
        // One erasure at a time per patient: the second waits here and then sees erased_at.
        Instant erasedBefore = sql.first("select erased_at from patient where id = ? for update",
                rs -> Sql.instant(rs, 1), p.id).orElse(null);
        if (erasedBefore != null) {
            throw ApiProblem.conflict("patient-already-erased", "Patient already erased",
                    "Patient " + patientId + " was erased at " + erasedBefore + ".");
        }
        boolean retain = request.retainClinicalRecords() != null ? request.retainClinicalRecords()
                : sql.first("select erasure_retains_clinical_records from clinic_settings where clinic_id = ?",
                        rs -> rs.getBoolean(1), p.clinicId).orElse(true);
        Map<String, Object> asked = Map.of("reason", request.reason().name(), "retainClinicalRecords", retain);
        QuarkusTransaction.requiringNew().run(() -> audit.record("patient", p.id, "erasure_requested", asked));

        Instant now = clock.instant();
        // The erasure columns are the owner's (V27 erase_patient): the pseudonym comes from there.
        String pseudonym = sql.first("select erase_patient(?, ?, ?)", rs -> rs.getString(1), p.id, retain, now)
                .orElseThrow();
        List<ErasureStepView> steps = new ArrayList<>();
        steps.add(new ErasureStepView("app_user", "PSEUDONYMISED", sql.update("""
                update app_user set display_name = ?, email = null, password_hash = null, locale = null, active = false,
                    updated_at = ?, version = version + 1
                where id = ?""", pseudonym, now, p.id)));
        steps.add(new ErasureStepView("patient", "PSEUDONYMISED", 1));
        steps.add(new ErasureStepView("refresh_token", "REVOKED", (int) credentials.revokeAll(p.id, "erased")));
        steps.add(new ErasureStepView("media", "TOMBSTONED", tombstonePersonalMedia(p.id, now)));
        for (ErasureSteps.Step s : ErasureSteps.STEPS) {
            if (s.when() == ErasureSteps.When.ALWAYS || !retain) {
                int rows = s.sql().startsWith("select")
                        ? sql.first(s.sql(), rs -> rs.getInt(1), p.id).orElse(0)
                        : sql.update(s.sql(), p.id);
                steps.add(new ErasureStepView(s.table(), s.action(), rows));
            }
        }
        Map<String, Object> outcome = new LinkedHashMap<>(asked);
        steps.stream().filter(s -> s.rows() > 0).forEach(s -> outcome.put(s.table() + "." + s.action(), s.rows()));
        audit.record("patient", p.id, "erased", outcome);
        return new ErasureView(p.id, pseudonym, now, request.reason(), retain, steps);
    }

    /**
     * The patient's personal videos and photos become tombstones: REJECTED as {@code patient-erased},
     * without file name, due once an upload URL issued before could no longer re-create the
     * object. {@link app.glide.media.MediaCleanupJob} deletes the object and then the row, and
     * retries (the row stays) when the object store fails.
     */
    private int tombstonePersonalMedia(UUID patientId, Instant now) {
        return sql.update("""
                update media set state = 'REJECTED', rejected_as = 'patient-erased', filename = null, duration_ms = null,
                    completed_at = null, expires_at = ?
                where patient_id = ?""", now.plus(config.media().uploadUrlTtl()), patientId);
    }

}
