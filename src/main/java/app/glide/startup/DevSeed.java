package app.glide.startup;

import app.glide.access.Role;
import app.glide.access.UserAccount;
import app.glide.auth.EnrolmentCodes;
import app.glide.auth.Passwords;
import app.glide.clinic.Clinic;
import app.glide.db.JsonColumns;
import app.glide.exercise.Dosage;
import app.glide.exercise.ExerciseCatalog;
import app.glide.patient.CareTeamMember;
import app.glide.patient.Patient;
import app.glide.patient.PatientCredentials;
import app.glide.patient.PatientStatus;
import app.glide.plan.PatientCalendar;
import app.glide.plan.Plan;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanDtos;
import app.glide.plan.PlanItem;
import app.glide.plan.PlanRevision;
import app.glide.plan.Progression;
import app.glide.plan.Schedule;
import app.glide.template.PlanTemplate;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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

    @Inject
    JsonColumns json;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    Clock clock;

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (Clinic.findById(CLINIC) == null) {
            Clinic clinic = new Clinic();
            clinic.id = CLINIC;
            clinic.name = "Demo Physio (dev)";
            clinic.createdAt = clock.instant();
            clinic.persist();
            staff(ADMIN, Role.ADMIN, ADMIN_EMAIL, "Dana Admin");
            staff(THERAPIST, Role.THERAPIST, THERAPIST_EMAIL, "Theo Therapist");
            UserAccount account = UserAccount.newUser(CLINIC, Role.PATIENT, "Pat Demo", clinic.createdAt);
            account.id = PATIENT;
            account.persist();
            Patient p = new Patient();
            p.account = account;
            p.clinicId = CLINIC;
            p.primaryTherapistId = THERAPIST;
            p.timeZone = "Europe/London";
            p.status = PatientStatus.ACTIVE;
            p.persist();
            CareTeamMember.of(PATIENT, THERAPIST, THERAPIST, clinic.createdAt).persist();
            demoPlan();
        }
        PatientCredentials.Issued code = codes.issue(PATIENT, THERAPIST);
        LOG.infof("""

                ==== Glide dev data (dev mode only) ====
                Therapist login:  curl -s localhost:8080/v1/auth/login -H 'Content-Type: application/json' \\
                                    -d '{"email":"%s","password":"%s"}'
                Admin login:      same, with "email":"%s"
                Patient (mobile): curl -s localhost:8080/v1/auth/enrol -H 'Content-Type: application/json' \\
                                    -d '{"code":"%s"}'
                Then:             curl -s localhost:8080/v1/me -H "Authorization: Bearer <accessToken>"
                Contract:         http://localhost:8080/q/openapi   (API docs: README, "The two commands")
                ========================================""",
                THERAPIST_EMAIL, DEV_PASSWORD, ADMIN_EMAIL, code.code());
    }

    /** The subacute protocol as the demo patient's plan, so GET /v1/me/plan shows something at once. */
    private void demoPlan() {
        PlanTemplate template = PlanTemplate
                .<PlanTemplate>find("clinicId is null and slug = ?1", "subacute-sciatica").firstResult();
        if (template == null) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = PatientCalendar.today(now, "Europe/London");
        List<PlanItem> items = new ArrayList<>();
        for (TemplateItem t : json.read(template.items, new TypeReference<List<TemplateItem>>() {
        })) {
            Schedule schedule = new Schedule(
                    t.schedule().daysOfWeek() == null ? null : EnumSet.copyOf(t.schedule().daysOfWeek()),
                    t.schedule().sessionsPerWeek());
            Progression progression = t.progression() == null ? null
                    : new Progression(t.progression().field(), t.progression().increment(),
                            t.progression().everyDays(), t.progression().cap(), Boolean.TRUE.equals(t.progression().advanceChain()));
            items.add(new PlanItem(UUID.randomUUID(), catalog.shippedBySlug(t.exerciseSlug()).orElseThrow().id(),
                    t.dosage(), today, schedule, progression,
                    progression == null ? null : t.dosage().get(progression.field()), t.note(), null, false));
        }
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.patientId = PATIENT;
        plan.clinicId = CLINIC;
        plan.status = Plan.ACTIVE;
        plan.currentRevision = 1;
        plan.createdAt = now;
        plan.createdBy = THERAPIST;
        plan.persist();
        PlanRevision rev = new PlanRevision();
        rev.id = new PlanRevision.Key(plan.id, 1);
        rev.createdAt = plan.createdAt;
        rev.createdBy = THERAPIST;
        rev.createdByRole = Role.THERAPIST.name();
        rev.kind = PlanRevision.Kind.CREATED;
        rev.reason = "Demo plan (dev mode seed)";
        rev.effectiveOn = today;
        rev.changes = json.write(List.of("Plan created from the subacute template"));
        rev.content = json.write(new PlanContent(template.name, template.slug, 100, false, items));
        rev.persist();
    }

    record TemplateItem(String exerciseSlug, Dosage dosage, PlanDtos.ScheduleInput schedule,
                        PlanDtos.ProgressionInput progression, String note) {
    }

    private void staff(UUID id, Role role, String email, String name) {
        UserAccount u = UserAccount.newUser(CLINIC, role, name, clock.instant());
        u.id = id;
        u.email = email;
        u.passwordHash = passwords.hash(DEV_PASSWORD);
        u.persist();
    }
}
