package app.glide.patient;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.access.UserAccount;
import app.glide.web.AccessedData;
import app.glide.web.ApiProblem;
import app.glide.web.PatientDataReads;
import app.glide.web.RequestIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The one object-level check for everything that hangs off a patient. A patient reaches
 * only themself; a therapist only patients on their care teams in their clinic; an admin
 * any patient of their clinic. Anything else is "not found", so other clinics' patients
 * are indistinguishable from ids that do not exist. Every feature that takes a patient id
 * goes through {@link #require(UUID)}.
 */
@ApplicationScoped
public class PatientAccess {

    /**
     * The staff access checks of a {@link app.glide.web.PatientDataRead} read, which also write
     * its access record: the database function record_patient_access (V28) in the select list
     * runs once per patient found, so a refused read records nothing. Outside a transaction
     * the query is its own transaction, committed asynchronously like
     * disclosure/AccessRecorder's insert; inside one it commits, or rolls back, with it.
     */
    private static final String ADMIN_MAY_READ = "from Patient p where p.id = ?1 and p.clinicId = ?2";
    private static final String THERAPIST_MAY_READ = ADMIN_MAY_READ
            + " and exists (select 1 from CareTeamMember m where m.id.patientId = ?1 and m.id.therapistId = ?3)";
    private static final String RECORD = "select p, function('record_patient_access', ?4, p.clinicId, p.id, ?3, ?5, ?6, ?7, ?8) ";

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    RequestIds requestIds;

    /**
     * The patient, loaded with one query that includes the authorisation predicate; for a staff
     * read of the patient's data that owes an access record, the same statement writes it.
     */
    public Patient require(UUID patientId) {
        Role role = caller.role();
        AccessedData owed = role == Role.PATIENT ? null : PatientDataReads.claim(patientId);
        String requestId = owed == null ? null : requestIds.current();
        if (owed != null && requestId == null) {
            PatientDataReads.unclaim(patientId); // not in an HTTP request: the interceptor records it after the read
            owed = null;
        }
        Patient patient = null;
        try {
            patient = owed == null ? find(role, patientId) : findRecording(role, patientId, owed, requestId);
        } finally {
            if (owed != null && patient == null) {
                PatientDataReads.unclaim(patientId); // nothing recorded: not found, or the statement failed
            }
        }
        if (patient == null) {
            throw ApiProblem.notFound("patient", patientId);
        }
        return patient;
    }

    private Patient find(Role role, UUID patientId) {
        return switch (role) {
            case PATIENT -> patientId.equals(caller.userId()) ? Patient.findById(patientId) : null;
            case ADMIN -> Patient.<Patient>find(ADMIN_MAY_READ, patientId, caller.clinicId()).firstResult();
            case THERAPIST -> Patient.<Patient>find(THERAPIST_MAY_READ, patientId, caller.clinicId(), caller.userId())
                    .firstResult();
        };
    }

    private Patient findRecording(Role role, UUID patientId, AccessedData what, String requestId) {
        List<Object[]> found = Patient.getEntityManager()
                .createQuery(RECORD + (role == Role.THERAPIST ? THERAPIST_MAY_READ : ADMIN_MAY_READ), Object[].class)
                .setParameter(1, patientId)
                .setParameter(2, caller.clinicId())
                .setParameter(3, caller.userId())
                .setParameter(4, clock.instant())
                .setParameter(5, role.name())
                .setParameter(6, what.name())
                .setParameter(7, requestId)
                .setParameter(8, !QuarkusTransaction.isActive())
                .getResultList();
        return found.isEmpty() ? null : (Patient) found.get(0)[0];
    }

    /** A therapist of the caller's clinic, or 404. */
    public UserAccount requireTherapist(UUID therapistId) {
        return UserAccount.findTherapist(caller.clinicId(), therapistId)
                .orElseThrow(() -> ApiProblem.notFound("therapist", therapistId));
    }
}
