package app.glide.suggestion;

import app.glide.access.Caller;
import app.glide.access.PatientAccess;
import app.glide.adherence.DoseMath;
import app.glide.alert.AlertKind;
import app.glide.alert.AlertService;
import app.glide.clinic.ClinicSettings;
import app.glide.exercise.ExerciseCatalog;
import app.glide.patient.Patient;
import app.glide.plan.Chain;
import app.glide.plan.Plan;
import app.glide.plan.PlanAdjuster;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.PlanRevision;
import app.glide.plan.PlanService;
import app.glide.plan.ProgressionMath;
import app.glide.plan.Adjustment;
import app.glide.session.SessionDtos.ItemResult;
import app.glide.session.SessionDtos.ItemStatus;
import app.glide.suggestion.SuggestionRules.Action;
import app.glide.suggestion.SuggestionRules.Decision;
import app.glide.suggestion.SuggestionRules.ItemSession;
import app.glide.web.ApiProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Suggestions per plan item from the patient's recent sessions, next-morning checks,
 * symptom spread and open alerts; accepting, declining, and — in AUTO mode — applying them
 * (progressions only up to the item's ceiling, regressions at once). Every applied
 * suggestion is a plan revision naming the rule.
 */
@ApplicationScoped
@Transactional
public class SuggestionService {

    /** Sessions looked at per patient (enough for the rules; never the whole history). */
    static final int RECENT_SESSIONS = 40;
    private static final TypeReference<List<ItemResult>> ITEMS = new TypeReference<>() {
    };

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    @Inject
    PlanService plans;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    AlertService alerts;

    @Inject
    app.glide.web.JsonColumns json;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suggestion(UUID itemId, UUID exerciseId, String exerciseName, Action action, String rule,
                             String reason, List<String> evidence, boolean applicable) {
    }

    record Computed(PlanItem item, Decision decision, String basis) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Suggestion> list(UUID patientId) {
        Patient p = access.require(patientId);
        Plan plan = Plan.activeFor(p.id);
        if (plan == null) {
            throw new ApiProblem(404, "no-plan", "No plan", "There is no active plan yet.");
        }
        PlanContent content = plans.currentContent(plan);
        Set<String> decided = decidedBases(plan.id);
        return compute(p, plan, content).stream()
                .filter(c -> !decided.contains(c.item().id() + "|" + c.basis()))
                .map(c -> view(c, content)).toList();
    }

    public PlanService.Served accept(UUID patientId, UUID itemId, String ifMatch) {
        Patient p = access.require(patientId);
        Plan plan = plans.lockForChange(p.id, ifMatch, true);
        PlanContent content = plans.currentContent(plan);
        Computed c = compute(p, plan, content).stream().filter(x -> x.item().id().equals(itemId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("plan item", itemId));
        if (c.decision().action() == Action.HOLD) {
            throw ApiProblem.conflict("nothing-to-apply", "Nothing to apply",
                    "The suggestion for this item is HOLD (" + c.decision().reason() + ")");
        }
        PlanAdjuster.Result r = adjust(content, c, p.clinicId, PatientCalendarToday.of(p));
        record(plan.id, c, "ACCEPTED", caller.userId(), null);
        return plans.commitChange(plan, p, PlanRevision.Kind.ADJUSTED,
                "Suggestion accepted (rule " + c.decision().rule() + "): " + c.decision().reason(),
                withRule(r.changes(), c), r.content(), new PlanService.Actor(caller.userId(), caller.role().name(), false));
    }

    public void decline(UUID patientId, UUID itemId, String reason) {
        Patient p = access.require(patientId);
        Plan plan = Plan.activeFor(p.id);
        if (plan == null) {
            throw new ApiProblem(404, "no-plan", "No plan", "There is no active plan yet.");
        }
        Computed c = compute(p, plan, plans.currentContent(plan)).stream().filter(x -> x.item().id().equals(itemId))
                .findFirst().orElseThrow(() -> ApiProblem.notFound("plan item", itemId));
        record(plan.id, c, "DECLINED", caller.userId(), reason);
    }

    /**
     * AUTO mode, after new session data: applies each item's undecided REGRESS, and its
     * PROGRESS when the result stays within the item's ceiling. Runs inside the
     * transaction that stored the data.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int autoApply(Patient p) {
        Plan active = Plan.activeFor(p.id);
        if (active == null || plans.currentContent(active).adjustmentMode() != PlanContent.AdjustmentMode.AUTO) {
            return 0;
        }
        Plan plan = plans.lockForChange(p.id, null, false);
        Set<String> decided = decidedBases(plan.id);
        int applied = 0;
        for (Computed c : compute(p, plan, plans.currentContent(plan))) {
            if (c.decision().action() == Action.HOLD || decided.contains(c.item().id() + "|" + c.basis())) {
                continue;
            }
            PlanContent content = plans.currentContent(plan);
            PlanAdjuster.Result r;
            try {
                r = adjust(content, c, p.clinicId, PatientCalendarToday.of(p));
            } catch (ApiProblem impossible) {
                continue; // already at the end of the chain: stays a suggestion
            }
            if (c.decision().action() == Action.PROGRESS
                    && !withinCeiling(c.item(), r.content().item(c.item().id()).orElseThrow(), p.clinicId)) {
                continue;
            }
            record(plan.id, c, "AUTO_APPLIED", null, null);
            PlanService.Served served = plans.commitChange(plan, p, PlanRevision.Kind.ADJUSTED,
                    "Automatic (rule " + c.decision().rule() + "): " + c.decision().reason(), withRule(r.changes(), c),
                    r.content(), PlanService.Actor.RULE);
            alerts.raise(p.clinicId, p.id, AlertKind.PLAN_AUTO_ADJUSTED, "revision:" + plan.id + ":" + served.view().revision(),
                    "The plan was changed automatically: " + String.join("; ", r.changes())
                            + ". Undo by restoring revision " + (served.view().revision() - 1) + ".",
                    Map.of("revision", served.view().revision(), "rule", c.decision().rule(),
                            "action", c.decision().action().name()), true);
            applied++;
        }
        return applied;
    }

    // --- internals -----------------------------------------------------------

    List<Computed> compute(Patient p, Plan plan, PlanContent content) {
        SuggestionRules.Thresholds t = thresholds(p.clinicId, content.rules());
        boolean redFlag = app.glide.alert.Alert.count("patientId = ?1 and kind = ?2 and status <> ?3", p.id,
                AlertKind.RED_FLAG, app.glide.alert.Alert.Status.RESOLVED) > 0;
        SuggestionRules.Context context = new SuggestionRules.Context(redFlag, content.inFlare());
        List<Row> sessions = recentSessions(p.id);
        Map<String, PlanContent> revisions = new HashMap<>();
        Chain chain = catalog.chainFor(p.clinicId);
        List<Computed> out = new ArrayList<>();
        for (PlanItem item : content.items()) {
            if (item.paused()) {
                continue;
            }
            List<ItemSession> history = new ArrayList<>();
            for (Row s : sessions) {
                PlanContent rc = revisions.computeIfAbsent(s.planId() + ":" + s.revision(),
                        k -> plans.contentOf(s.planId(), s.revision()));
                PlanItem then = rc == null ? null : rc.item(item.id()).orElse(null);
                // Only sessions done against the prescription still in force for this item count.
                if (then == null || !then.exerciseId().equals(item.exerciseId()) || !then.dosage().equals(item.dosage())
                        || !then.since().equals(item.since())) {
                    continue;
                }
                ItemResult result = s.items().stream().filter(i -> i.itemId().equals(item.id())).findFirst().orElse(null);
                boolean due = !then.paused() && then.schedule().isDueOn(s.localDate());
                if (result == null && !due) {
                    continue; // the item was not part of that session
                }
                boolean skipped = result == null || result.status() == ItemStatus.SKIPPED;
                boolean full = false;
                if (!skipped) {
                    var prescribed = ProgressionMath.on(then, s.localDate(), chain).dosage().scaled(rc.scalePercent());
                    full = result.status() == ItemStatus.DONE
                            && DoseMath.share(prescribed, result.sets(), result.reps(), result.holdSeconds(),
                                    result.durationMinutes()) >= 0.999;
                }
                history.add(new ItemSession(s.id().toString(), s.localDate(), full, skipped, s.painPeak(), s.morning(),
                        "PERIPHERALISING".equals(s.symptomChange()), s.difficulty()));
            }
            String basis = history.isEmpty() ? "none" : history.get(0).sessionId() + ":" + history.get(0).nextMorning();
            out.add(new Computed(item, SuggestionRules.decide(history, context, t), basis));
        }
        return out;
    }

    record Row(UUID id, UUID planId, int revision, LocalDate localDate, int painPeak, int difficulty,
               String symptomChange, List<ItemResult> items, String morning) {
    }

    private List<Row> recentSessions(UUID patientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                select s.id, s.plan_id, s.plan_revision, s.local_date, s.pain_peak, s.difficulty, s.symptom_change,
                       cast(s.items as text), m.answer
                from session_log s left join morning_check m on m.session_id = s.id
                where s.patient_id = ?1 order by s.started_at desc limit ?2""")
                .setParameter(1, patientId).setParameter(2, RECENT_SESSIONS).getResultList();
        List<Row> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Row((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(), app.glide.web.SqlValues.date(r[3]),
                    ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), (String) r[6],
                    json.read((String) r[7], ITEMS), (String) r[8]));
        }
        return out;
    }

    private PlanAdjuster.Result adjust(PlanContent content, Computed c, UUID clinicId, LocalDate today) {
        Adjustment action = c.decision().action() == Action.PROGRESS ? Adjustment.PROGRESS : Adjustment.REGRESS;
        try {
            return plans.applyAdjustment(content, new PlanAdjuster.Request(action, c.item().id(), null, null, null),
                    clinicId, today);
        } catch (PlanAdjuster.Refusal refusal) {
            throw ApiProblem.unprocessable("adjustment-refused", "Adjustment not possible", refusal.getMessage());
        }
    }

    /** Whether an automatically progressed item stays at or below its ceiling. No ceiling: no automatic progression. */
    boolean withinCeiling(PlanItem before, PlanItem after, UUID clinicId) {
        PlanItem.Ceiling ceiling = before.ceiling();
        if (ceiling == null) {
            return false;
        }
        if (after.exerciseId().equals(ceiling.exerciseId())) {
            if (ceiling.maxValue() == null || after.progression() == null) {
                return true;
            }
            Integer value = after.dosage().get(after.progression().field());
            return value == null || value <= ceiling.maxValue();
        }
        // Allowed when the ceiling is a harder step than where the item now is.
        Chain chain = catalog.chainFor(clinicId);
        for (Optional<UUID> e = chain.harder(after.exerciseId()); e.isPresent(); e = chain.harder(e.get())) {
            if (e.get().equals(ceiling.exerciseId())) {
                return true;
            }
        }
        return false;
    }

    private Set<String> decidedBases(UUID planId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select cast(item_id as text), basis from suggestion_outcome where plan_id = ?1")
                .setParameter(1, planId).getResultList();
        return rows.stream().map(r -> r[0] + "|" + r[1]).collect(Collectors.toSet());
    }

    private void record(UUID planId, Computed c, String outcome, UUID by, String reason) {
        Panache.getEntityManager().createNativeQuery("""
                insert into suggestion_outcome (plan_id, item_id, basis, outcome, action, rule, decided_by, decided_at, reason)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict do nothing""")
                .setParameter(1, planId).setParameter(2, c.item().id()).setParameter(3, c.basis())
                .setParameter(4, outcome).setParameter(5, c.decision().action().name()).setParameter(6, c.decision().rule())
                .setParameter(7, by).setParameter(8, Instant.now()).setParameter(9, reason).executeUpdate();
    }

    private static List<String> withRule(List<String> changes, Computed c) {
        List<String> all = new ArrayList<>(changes);
        all.add("Rule " + c.decision().rule() + ": " + c.decision().reason());
        return all;
    }

    private Suggestion view(Computed c, PlanContent content) {
        String name = catalog.get(c.item().exerciseId()).map(ExerciseCatalog.Entry::name).orElse(null);
        return new Suggestion(c.item().id(), c.item().exerciseId(), name, c.decision().action(), c.decision().rule(),
                c.decision().reason(), c.decision().evidence(), c.decision().action() != Action.HOLD);
    }

    static SuggestionRules.Thresholds thresholds(UUID clinicId, PlanContent.RuleOverrides o) {
        ClinicSettings s = ClinicSettings.of(clinicId);
        return new SuggestionRules.Thresholds(
                o != null && o.progressAfterSessions() != null ? o.progressAfterSessions() : s.progressAfterSessions,
                o != null && o.progressMaxPain() != null ? o.progressMaxPain() : s.progressMaxPain,
                o != null && o.regressPainAbove() != null ? o.regressPainAbove() : s.regressPainAbove,
                o != null && o.targetDifficulty() != null ? o.targetDifficulty() : s.targetDifficulty);
    }

    /** The patient's local date, in one place. */
    static final class PatientCalendarToday {
        static LocalDate of(Patient p) {
            return app.glide.plan.PatientCalendar.today(p.timeZone);
        }
    }

}
