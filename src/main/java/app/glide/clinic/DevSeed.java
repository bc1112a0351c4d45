package app.glide.clinic;

import app.glide.access.Role;
import app.glide.access.UserAccount;
import app.glide.auth.EnrolmentCodes;
import app.glide.auth.Passwords;
import app.glide.patient.CareTeamMember;
import app.glide.patient.Patient;
import app.glide.patient.PatientStatus;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Dev mode only (the bean does not exist in test or prod builds): a demo clinic with an
 * admin, a therapist and a patient, and a fresh enrolment code on every start, printed
 * with the commands to get a token.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevSeed {

    private static final Logger LOG = Logger.getLogger(DevSeed.class);
    static final UUID CLINIC = UUID.fromString("00000000-0000-4000-8000-00000000c11c");
    static final UUID ADMIN = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    static final UUID THERAPIST = UUID.fromString("00000000-0000-4000-8000-0000000000b1");
    static final UUID PATIENT = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    static final String ADMIN_EMAIL = "admin@demo.glide.example";
    static final String THERAPIST_EMAIL = "therapist@demo.glide.example";
    static final String DEV_PASSWORD = "dev-only-password";

    @Inject
    Passwords passwords;

    @Inject
    EnrolmentCodes codes;

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (Clinic.findById(CLINIC) == null) {
            Clinic clinic = new Clinic();
            clinic.id = CLINIC;
            clinic.name = "Demo Physio (dev)";
            clinic.createdAt = Instant.now();
            clinic.persist();
            staff(ADMIN, Role.ADMIN, ADMIN_EMAIL, "Dana Admin");
            staff(THERAPIST, Role.THERAPIST, THERAPIST_EMAIL, "Theo Therapist");
            UserAccount account = UserAccount.newUser(CLINIC, Role.PATIENT, "Pat Demo");
            account.id = PATIENT;
            account.persist();
            Patient p = new Patient();
            p.account = account;
            p.clinicId = CLINIC;
            p.primaryTherapistId = THERAPIST;
            p.timeZone = "Europe/London";
            p.status = PatientStatus.ACTIVE;
            p.persist();
            CareTeamMember.of(PATIENT, THERAPIST, THERAPIST).persist();
        }
        EnrolmentCodes.Issued code = codes.issue(PATIENT, THERAPIST);
        LOG.infof("""

                ==== Glide dev data (dev mode only) ====
                Therapist login:  curl -s localhost:8080/v1/auth/login -H 'Content-Type: application/json' \\
                                    -d '{"email":"%s","password":"%s"}'
                Admin login:      same, with "email":"%s"
                Patient (mobile): curl -s localhost:8080/v1/auth/enrol -H 'Content-Type: application/json' \\
                                    -d '{"code":"%s"}'
                Then:             curl -s localhost:8080/v1/me -H "Authorization: Bearer <accessToken>"
                API docs:         http://localhost:8080/q/swagger-ui   (contract: /q/openapi)
                ========================================""",
                THERAPIST_EMAIL, DEV_PASSWORD, ADMIN_EMAIL, code.code());
    }

    private void staff(UUID id, Role role, String email, String name) {
        UserAccount u = UserAccount.newUser(CLINIC, role, name);
        u.id = id;
        u.email = email;
        u.passwordHash = passwords.hash(DEV_PASSWORD);
        u.persist();
    }
}
