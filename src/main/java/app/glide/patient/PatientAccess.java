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
     * The staff access checks with the access record of a {@link app.glide.web.PatientDataRead}
     * read: the record is inserted by the statement that finds the patient, only if it finds
     * them (so a refused read records nothing). Outside a transaction the statement is its own
     * transaction, committed asynchronously like disclosure/AccessRecorder's; inside one it
     * commits, or rolls back, with it.
     */
    private static final String RECORDING = """
            with p as (select p.* from patient p where p.id = ?1 and p.clinic_id = ?2%s),
            recorded as (
                insert into patient_access (%s)
                select ?4, p.clinic_id, p.id, ?3, ?5, ?6, ?7 from p%s)
            select * from p""";
    private static final String ON_CARE_TEAM =
            " and exists (select 1 from care_team_member m where m.patient_id = ?1 and m.therapist_id = ?3)";
    private static final String ASYNC_COMMIT = ", (select set_config('synchronous_commit', 'off', true)) async_commit";
    private static final String THERAPIST_RECORDING = RECORDING.formatted(ON_CARE_TEAM, PatientDataReads.RECORD_COLUMNS, "");
    private static final String THERAPIST_RECORDING_ASYNC =
            RECORDING.formatted(ON_CARE_TEAM, PatientDataReads.RECORD_COLUMNS, ASYNC_COMMIT);
    private static final String ADMIN_RECORDING = RECORDING.formatted("", PatientDataReads.RECORD_COLUMNS, "");
    private static final String ADMIN_RECORDING_ASYNC = RECORDING.formatted("", PatientDataReads.RECORD_COLUMNS, ASYNC_COMMIT);

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
        Patient patient = null;
        try {
            patient = owed == null ? find(role, patientId) : findRecording(role, patientId, owed);
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
            case ADMIN -> Patient.<Patient>find("id = ?1 and clinicId = ?2", patientId, caller.clinicId())
                    .firstResult();
            case THERAPIST -> Patient.<Patient>find("""
                    id = ?1 and clinicId = ?2 and exists (
                        select 1 from CareTeamMember m where m.id.patientId = ?1 and m.id.therapistId = ?3)
                    """, patientId, caller.clinicId(), caller.userId()).firstResult();
        };
    }

    private Patient findRecording(Role role, UUID patientId, AccessedData what) {
        boolean async = !QuarkusTransaction.isActive();
        String sql = role == Role.THERAPIST
                ? (async ? THERAPIST_RECORDING_ASYNC : THERAPIST_RECORDING)
                : (async ? ADMIN_RECORDING_ASYNC : ADMIN_RECORDING);
        @SuppressWarnings("unchecked")
        List<Patient> found = Patient.getEntityManager().createNativeQuery(sql, Patient.class)
                .setParameter(1, patientId)
                .setParameter(2, caller.clinicId())
                .setParameter(3, caller.userId())
                .setParameter(4, clock.instant())
                .setParameter(5, role.name())
                .setParameter(6, what.name())
                .setParameter(7, requestIds.current())
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** A therapist of the caller's clinic, or 404. */
    public UserAccount requireTherapist(UUID therapistId) {
        return UserAccount.findTherapist(caller.clinicId(), therapistId)
                .orElseThrow(() -> ApiProblem.notFound("therapist", therapistId));
    }
}
