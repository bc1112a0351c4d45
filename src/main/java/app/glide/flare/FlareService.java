package app.glide.flare;

import app.glide.language.ContentLanguage;
import app.glide.language.RuleTexts;
import app.glide.language.RuleLanguage;
import app.glide.access.Caller;
import app.glide.alert.AlertKind;
import app.glide.alert.AlertService;
import app.glide.clinic.ClinicSettings;
import app.glide.db.Sql;
import app.glide.education.EducationCatalog;
import app.glide.exercise.ExerciseCatalog;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.plan.Adjustment;
import app.glide.plan.PatientCalendar;
import app.glide.plan.Plan;
import app.glide.plan.PlanAdjuster;
import app.glide.plan.PlanAdjustments;
import app.glide.plan.PlanChanges;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.PlanRevision;
import app.glide.plan.ProgressionMath;
import app.glide.plan.ServedPlan;
import app.glide.symptom.SymptomExtent;
import app.glide.web.ApiProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Flare-ups. The patient reports one: every item steps back one step (where it can), the
 * plan shows the flare-up cards, the care team gets an alert. It ends when a therapist
 * clears it, or when the patient confirms, after the clinic's minimum days, that pain is
 * back near the level before the flare. While it lasts no item's scheduled progression
 * climbs; when it ends, each item the flare-up stepped back and nobody changed since returns
 * to where it was that day (and climbs again from there), while what a therapist changed
 * during the flare-up stays (see {@link FlareEnd}).
 */
@ApplicationScoped
@Transactional
public class FlareService {

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    @Inject
    PlanChanges plans;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    EducationCatalog education;

    @Inject
    AlertService alerts;

    @Inject
    PlanAdjustments adjustments;

    @Inject
    Clock clock;

    @Inject
    RuleLanguage ruleLanguage;

    /** Hold reason of items while a flare-up lasts. */
    public static final String HOLD_FLARE = PlanAdjuster.HOLD_FLARE;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FlareView(boolean active, LocalDate startedOn, Integer pain, SymptomExtent symptomExtent,
                            LocalDate canEndFrom, Double baselinePain, String message,
                            List<EducationCatalog.CardView> education) {
    }

    public FlareView report(int pain, SymptomExtent extent) {
        Patient p = Patient.findById(caller.userId());
        Plan plan = plans.lockForChange(p.id, null, false);
        PlanContent content = plans.currentContent(plan);
        if (content.inFlare()) {
            throw ApiProblem.conflict("flare-active", "Flare-up already active",
                    "A flare-up has been active since " + content.flare().startedOn() + ".");
        }
        Instant reportedAt = clock.instant();
        LocalDate today = PatientCalendar.today(reportedAt, p.timeZone);
        List<String> changes = new ArrayList<>();
        List<PlanContent.FlareStep> steps = new ArrayList<>();
        PlanContent stepped = content;
        for (PlanItem item : content.items()) {
            if (item.paused()) {
                continue;
            }
            // As prescribed today, before the step back: what the end of the flare-up returns to.
            var now = ProgressionMath.on(item, today, catalog.chainFor(p.clinicId));
            PlanItem before = item.withState(now.exerciseId(), now.dosage(), today);
            PlanAdjuster.Attempt r = adjustments.attempt(stepped,
                    new PlanAdjuster.Request(Adjustment.REGRESS, item.id(), null, null, null), p.clinicId, today);
            if (r.ok()) {
                stepped = r.result().content();
                changes.addAll(r.result().changes());
            } else {
                changes.add(catalog.get(item.exerciseId()).map(ExerciseCatalog.Entry::name).orElse("Item")
                        + ": already at its lowest dose, unchanged");
            }
            // No scheduled increase while the flare-up lasts.
            PlanItem steppedItem = stepped.item(item.id()).orElseThrow();
            PlanItem after = steppedItem.withState(steppedItem.exerciseId(),
                    ProgressionMath.on(steppedItem, today, catalog.chainFor(p.clinicId)).dosage(), today).withHold(HOLD_FLARE);
            stepped = stepped.withItem(item.id(), i -> after);
            steps.add(new PlanContent.FlareStep(item.id(), before, after));
        }
        double baseline = baselinePain(p.id, pain);
        PlanContent.FlareState state = new PlanContent.FlareState(today, reportedAt, pain, extent.name(), baseline,
                plan.currentRevision, steps);
        String reason = "Flare-up reported by the patient: pain " + pain + "/10, symptoms to "
                + extent.name().toLowerCase().replace('_', ' ');
        changes.add(0, "Flare-up mode on");
        ServedPlan served = plans.commitChange(plan, p, PlanRevision.Kind.ADJUSTED, reason, changes,
                stepped.withFlare(state), new PlanChanges.Actor(p.id, caller.role().name(), false));
        alerts.raise(p.clinicId, p.id, AlertKind.FLARE_UP, "flare:" + plan.id + ":" + served.view().revision(),
                reason + ". The plan stepped back one step; review it.", Map.of("pain", pain, "symptomExtent",
                        extent.name(), "revision", served.view().revision()), false);
        return view(state, p);
    }

    /** The patient ends it: after the minimum days, with pain back near the pre-flare level. */
    public FlareView recovered(int pain) {
        Patient p = Patient.findById(caller.userId());
        Plan plan = plans.lockForChange(p.id, null, false);
        PlanContent content = plans.currentContent(plan);
        PlanContent.FlareState flare = requireFlare(content);
        ClinicSettings s = ClinicSettings.of(p.clinicId);
        LocalDate today = PatientCalendar.today(clock.instant(), p.timeZone);
        LocalDate from = flare.startedOn().plusDays(s.flareMinDays);
        double limit = flare.baselinePain() + s.flareRecoveryMargin.doubleValue();
        if (today.isBefore(from)) {
            throw ApiProblem.unprocessable("flare-not-over", "Too early to end the flare-up",
                    "Keep to the flare-up plan until " + from + "; your therapist can end it sooner.");
        }
        if (pain > limit) {
            throw ApiProblem.unprocessable("flare-not-over", "Pain is not back to your usual level yet",
                    "Pain " + pain + "/10 is above your usual level (" + String.format(Locale.ROOT, "%.1f", flare.baselinePain())
                            + "/10) plus " + s.flareRecoveryMargin + "; keep to the flare-up plan or ask your therapist.");
        }
        end(plan, p, content, "Flare-up ended by the patient: pain back to " + pain + "/10",
                new PlanChanges.Actor(p.id, caller.role().name(), false));
        return new FlareView(false, flare.startedOn(), null, null, null, flare.baselinePain(),
                RuleTexts.text(ruleLanguage.of(p.id), "flare.recovered"), List.of());
    }

    /** A therapist on the care team ends it. */
    public ServedPlan clear(UUID patientId, String ifMatch, String reason) {
        Patient p = access.require(patientId);
        Plan plan = plans.lockForChange(p.id, ifMatch, true);
        PlanContent content = plans.currentContent(plan);
        requireFlare(content);
        return end(plan, p, content, "Flare-up ended by the therapist: " + reason,
                new PlanChanges.Actor(caller.userId(), caller.role().name(), false));
    }

    private ServedPlan end(Plan plan, Patient p, PlanContent content, String reason, PlanChanges.Actor actor) {
        PlanContent.FlareState flare = content.flare();
        if (flare.steps() == null) {
            // A flare-up begun before steps were recorded: back to the revision before it.
            PlanContent before = plans.contentOf(plan.id, flare.preFlareRevision());
            return plans.commitChange(plan, p, PlanRevision.Kind.RESTORED, reason,
                    List.of("Flare-up mode off", "Restored the plan of revision " + flare.preFlareRevision()),
                    before.withFlare(null), actor);
        }
        LocalDate today = PatientCalendar.today(clock.instant(), p.timeZone);
        FlareEnd.Ended ended = FlareEnd.restore(content, today);
        List<String> changes = new ArrayList<>();
        changes.add("Flare-up mode off");
        for (UUID itemId : ended.restored()) {
            PlanItem item = ended.content().item(itemId).orElseThrow();
            changes.add(name(item.exerciseId()) + ": back to its dose before the flare-up");
        }
        for (UUID itemId : ended.keptTherapistChange()) {
            PlanItem item = ended.content().item(itemId).orElseThrow();
            changes.add(name(item.exerciseId()) + ": changed by the therapist during the flare-up, kept");
        }
        return plans.commitChange(plan, p, PlanRevision.Kind.ADJUSTED, reason, changes, ended.content(), actor);
    }

    private String name(UUID exerciseId) {
        return catalog.get(exerciseId).map(ExerciseCatalog.Entry::name).orElse("Item");
    }

    private static PlanContent.FlareState requireFlare(PlanContent content) {
        if (!content.inFlare()) {
            throw ApiProblem.conflict("no-flare", "No flare-up active", "There is no active flare-up to end.");
        }
        return content.flare();
    }

    /** Resting pain before the flare: the 7-day average, else the first week's, else the reported pain minus 2. */
    private double baselinePain(UUID patientId, int reported) {
        Optional<BigDecimal> average = sql.first(
                "select coalesce(pain_avg_7d, pain_baseline) from patient_adherence where patient_id = ?",
                rs -> rs.getBigDecimal(1), patientId);
        if (average.isPresent()) {
            return average.get().doubleValue();
        }
        return Math.max(0, reported - 2);
    }

    private FlareView view(PlanContent.FlareState f, Patient p) {
        ClinicSettings s = ClinicSettings.of(p.clinicId);
        ContentLanguage texts = ruleLanguage.content(p.id);
        String language = RuleTexts.language(texts.choice());
        List<EducationCatalog.CardView> cards = education.flareCards(p.clinicId).stream()
                .map(c -> EducationCatalog.in(c, texts)).toList();
        return new FlareView(true, f.startedOn(), f.pain(), SymptomExtent.valueOf(f.symptomExtent()),
                f.startedOn().plusDays(s.flareMinDays), f.baselinePain(),
                RuleTexts.text(language, "flare.started"), cards);
    }
}
