package app.glide.patient;

import app.glide.access.Caller;
import app.glide.access.UserAccount;
import app.glide.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    Caller caller;

    /** The patient, loaded with one query that includes the authorisation predicate. */
    public Patient require(UUID patientId) {
        Patient patient = switch (caller.role()) {
            case PATIENT -> patientId.equals(caller.userId()) ? Patient.findById(patientId) : null;
            case ADMIN -> Patient.<Patient>find("id = ?1 and clinicId = ?2", patientId, caller.clinicId())
                    .firstResult();
            case THERAPIST -> Patient.<Patient>find("""
                    id = ?1 and clinicId = ?2 and exists (
                        select 1 from CareTeamMember m where m.id.patientId = ?1 and m.id.therapistId = ?3)
                    """, patientId, caller.clinicId(), caller.userId()).firstResult();
        };
        if (patient == null) {
            throw ApiProblem.notFound("patient", patientId);
        }
        return patient;
    }

    /** A therapist of the caller's clinic, or 404. */
    public UserAccount requireTherapist(UUID therapistId) {
        return UserAccount.findTherapist(caller.clinicId(), therapistId)
                .orElseThrow(() -> ApiProblem.notFound("therapist", therapistId));
    }
}
