package app.glide.fhir;

import static app.glide.fhir.FhirIds.ref;

import app.glide.fhir.FhirRows.CareTeamRow;
import app.glide.fhir.FhirRows.PatientRow;
import app.glide.fhir.FhirRows.StaffRow;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * The parties every other resource refers to: the patient, the clinic, the staff who appear in the
 * patient's record (care team, plan authors, visit and message authors) and the clinic's rule engine
 * as a Device (the author of automatic plan changes, system messages and red-flag flags). Plain Java.
 */
final class FhirParties {

    /** Our identifiers' namespace: a user's, clinic's or exercise's id in Glide. */
    static final String ID_SYSTEM = "https://glide.example/fhir/id";

    private FhirParties() {
    }

    static String device(UUID clinicId) {
        return FhirIds.derived("rules-device", clinicId);
    }

    static void add(FhirBundle bundle, PatientRow p, List<CareTeamRow> team, List<StaffRow> staff) {
        Organization org = new Organization();
        org.setId(p.clinicId().toString());
        org.addIdentifier(identifier("clinic", p.clinicId()));
        org.setActive(true);
        org.setName(p.clinicName());
        bundle.add(org);

        Patient patient = new Patient();
        patient.setId(p.id().toString());
        patient.getMeta().setLastUpdated(Date.from(p.updatedAt()));
        patient.addIdentifier(identifier("patient", p.id()));
        patient.setActive("ACTIVE".equals(p.status()));
        patient.addName(new HumanName().setText(p.name()).setUse(HumanName.NameUse.USUAL));
        patient.setManagingOrganization(ref(p.clinicId()));
        patient.addGeneralPractitioner(ref(p.primaryTherapistId()));
        bundle.add(patient);

        for (StaffRow s : staff) {
            Practitioner practitioner = new Practitioner();
            practitioner.setId(s.id().toString());
            practitioner.addIdentifier(identifier("user", s.id()));
            practitioner.setActive(s.active());
            practitioner.addName(new HumanName().setText(s.name()));
            bundle.add(practitioner);
        }
        for (CareTeamRow member : team) {
            PractitionerRole role = new PractitionerRole();
            role.setId(FhirIds.derived("care-team-role", p.id(), member.therapistId()));
            role.setActive(true);
            role.setPractitioner(ref(member.therapistId()));
            role.setOrganization(ref(p.clinicId()));
            role.addCode(new CodeableConcept().setText(member.therapistId().equals(p.primaryTherapistId())
                    ? "Primary therapist on the patient's care team" : "Therapist on the patient's care team"));
            role.setPeriod(new Period().setStart(Date.from(member.addedAt())));
            bundle.add(role);
        }

        Device rules = new Device();
        rules.setId(device(p.clinicId()));
        rules.addDeviceName().setName("Glide plan rules").setType(Device.DeviceNameType.USERFRIENDLYNAME);
        rules.setOwner(ref(p.clinicId()));
        bundle.add(rules);
    }

    static Identifier identifier(String kind, Object value) {
        return new Identifier().setSystem(ID_SYSTEM + "/" + kind).setValue(value.toString());
    }

    /** The party behind a role and user id as stored with plan revisions and messages. */
    static Reference party(String role, UUID userId, UUID patientId, UUID clinicId) {
        if (userId == null || "RULE".equals(role) || "SYSTEM".equals(role)) {
            return ref(device(clinicId));
        }
        return ref(userId.equals(patientId) ? patientId : userId);
    }
}
