package app.glide.suggestion;

import app.glide.access.Caller;
import app.glide.db.JsonColumns;
import app.glide.patient.PatientAccess;
import app.glide.adherence.DoseMath;
import app.glide.alert.AlertChanged;
import app.glide.alert.AlertKind;
import app.glide.alert.AlertService;
import app.glide.clinic.ClinicSettings;
import app.glide.exercise.ExerciseCatalog;
import app.glide.patient.Patient;
import app.glide.exercise.Chain;
import app.glide.plan.PatientCalendar;
import app.glide.plan.Plan;
import app.glide.plan.PlanAdjuster;
import app.glide.plan.PlanAdjustments;
import app.glide.plan.PlanRevised;
import app.glide.plan.PlanRevisions;
import app.glide.db.Sql;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.PlanRevision;
import app.glide.plan.PlanChanges;
import app.glide.plan.ServedPlan;
import app.glide.plan.ProgressionMath;
import app.glide.plan.Adjustment;
import app.glide.session.SessionDtos.ItemResult;
import app.glide.session.SessionEvidence;
import app.glide.session.SessionDtos.ItemStatus;
import app.glide.suggestion.SuggestionRules.Action;
import app.glide.suggestion.SuggestionRules.Decision;
import app.glide.suggestion.SuggestionRules.ItemSession;
import app.glide.web.ApiProblem;
import app.glide.web.PatientLocks;
import app.glide.web.RollbackGuard;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

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
    PlanChanges plans;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    AlertService alerts;

    @Inject
    JsonColumns json;

    @Inject
    PlanAdjustments adjustments;

    @Inject
    PlanRevisions revisions;

    @Inject
    Sql sql;

    @Inject
    RollbackGuard rollbacks;

    private static final Logger LOG = Logger.getLogger(SuggestionService.class);

    @Inject
    PatientLocks locks;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suggestion(UUID itemId, UUID exerciseId, String exerciseName, Action action, String rule,
                             String reason, List<String> evidence, List<UUID> evidenceSessionIds, boolean applicable,
                             String notApplicableBecause) {
    }

    /** One item's suggestion, the basis it was decided on, and the signal (if any) that holds its schedule. */
    record Computed(PlanItem item, Decision decision, String basis, Optional<String> holdingSignal) {
    }

    /** Hold reasons this service sets and lifts: "signal:" + the rule that holds the item. */
    static final String SIGNAL_HOLD = "signal:";

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Suggestion> list(UUID patientId) {
        Patient p = access.require(patientId);
        Plan plan = Plan.activeFor(p.id);
        if (plan == null) {
            throw new ApiProblem(404, "no-plan", "No plan", "There is no active plan yet.");
        }
        PlanContent content = plans.currentContent(plan);
        Set<String> decided = decidedBases(plan.id);
        LocalDate today = PatientCalendarToday.of(p);
        return compute(p, plan, content).stream()
                .filter(c -> !decided.contains(c.item().id() + "|" + c.basis()))
                .map(c -> view(c, c.decision().action() == Action.HOLD ? null : attempt(content, c, p.clinicId, today)))
                .toList();
    }

    public ServedPlan accept(UUID patientId, UUID itemId, String ifMatch) {
        Patient p = access.require(patientId);
        Plan plan = plans.lockForChange(p.id, ifMatch, true);
        PlanContent content = plans.currentContent(plan);
        Computed c = compute(p, plan, content).stream().filter(x -> x.item().id().equals(itemId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("plan item", itemId));
        if (c.decision().action() == Action.HOLD) {
            throw ApiProblem.conflict("nothing-to-apply", "Nothing to apply",
                    "The suggestion for this item is HOLD (" + c.decision().reason() + ")");
        }
        PlanAdjuster.Attempt r = attempt(content, c, p.clinicId, PatientCalendarToday.of(p));
        if (!r.ok()) {
            throw ApiProblem.unprocessable("adjustment-refused", "Adjustment not possible", r.refusal());
        }
        record(plan.id, c, "ACCEPTED", caller.userId(), null);
        return plans.commitChange(plan, p, PlanRevision.Kind.ADJUSTED,
                "Suggestion accepted (rule " + c.decision().rule() + "): " + c.decision().reason(),
                withRule(r.result().changes(), c), r.result().content(),
                new PlanChanges.Actor(caller.userId(), caller.role().name(), false));
    }

    public void decline(UUID patientId, UUID itemId, String reason) {
        Patient p = access.require(patientId);
        // Rewrites what the caseload shows as pending, as every session does: one writer per patient (PatientLocks).
        locks.lock(p.id);
        Plan plan = Plan.activeFor(p.id);
        if (plan == null) {
            throw new ApiProblem(404, "no-plan", "No plan", "There is no active plan yet.");
        }
        Computed c = compute(p, plan, plans.currentContent(plan)).stream().filter(x -> x.item().id().equals(itemId))
                .findFirst().orElseThrow(() -> ApiProblem.notFound("plan item", itemId));
        record(plan.id, c, "DECLINED", caller.userId(), reason);
        PlanContent content = plans.currentContent(plan);
        refreshPending(p, plan, content, compute(p, plan, content));
    }

    /**
     * After new evidence (a session, a next-morning check, a red-flag check-in), inside the
     * transaction that stored it. In AUTO mode, applies each item's undecided REGRESS, and its
     * PROGRESS when the result stays within the item's ceiling. In every mode, holds the
     * scheduled progression of items while a signal stands (see
     * {@link SuggestionRules#HOLDING_SIGNALS}) and lets it climb again, from where it was,
     * once none does. Each change is a revision naming the rule.
     *
     * @return how many revisions were written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int afterNewEvidence(Patient p) {
        return afterNewEvidence(p, null);
    }

    /**
     * As {@link #afterNewEvidence(Patient)}, for a caller that already read the patient's
     * active plan (its id and current revision; it is locked and re-read before any change).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int afterNewEvidence(Patient p, Plan knownActive) {
        Plan active = knownActive != null ? knownActive : Plan.activeFor(p.id);
        if (active == null) {
            sql.update("delete from pending_suggestion where patient_id = ?", p.id);
            return 0;
        }
        PlanContent content = current(active);
        List<Computed> computed = compute(p, active, content);
        boolean auto = content.adjustmentMode() == PlanContent.AdjustmentMode.AUTO;
        int written = 0;
        // Most sessions change no hold: decide first, and lock the plan only to change it.
        if (auto || !holdChanges(p, content, computed).changes().isEmpty()) {
            Plan plan = plans.lockForChange(p.id, null, false);
            written = (auto ? autoApply(p, plan) : 0) + reviewHolds(p, plan);
            // Once locked, what is pending is decided from the plan as it now is.
            active = plan;
            content = current(plan);
            computed = compute(p, plan, content);
        }
        refreshPending(p, active, content, computed);
        return written;
    }

    /** A logged session or next-morning check: the rules follow (AUTO changes, holds, what is pending). */
    void onSessionEvidence(@Observes @Priority(SessionEvidence.SUGGESTIONS)
                           SessionEvidence e) {
        afterNewEvidence(e.patient(), e.knownActive());
    }

    /** A new plan revision (any author) or an ended plan: what is pending follows. */
    void onPlanRevised(@Observes @Priority(PlanRevised.SUGGESTIONS)
                       PlanRevised e) {
        Patient p = Patient.findById(e.patientId());
        Plan active = Plan.activeFor(e.patientId());
        if (p == null || active == null) {
            sql.update("delete from pending_suggestion where patient_id = ?", e.patientId());
            return;
        }
        PlanContent content = current(active);
        refreshPending(p, active, content, compute(p, active, content));
    }

    /**
     * Keeps {@code pending_suggestion} (read by the caseload) in step: the actions of the
     * suggestions a therapist would see as applicable and undecided, REGRESS first.
     */
    private void refreshPending(Patient p, Plan plan, PlanContent content, List<Computed> computed) {
        if (computed.stream().allMatch(c -> c.decision().action() == Action.HOLD)) {
            sql.update("delete from pending_suggestion where patient_id = ?", p.id);
            return;
        }
        Set<String> decided = decidedBases(plan.id);
        LocalDate today = PatientCalendarToday.of(p);
        TreeSet<Action> actions = new TreeSet<>(Comparator.comparing(a -> a == Action.REGRESS ? 0 : 1));
        for (Computed c : computed) {
            if (c.decision().action() != Action.HOLD && !decided.contains(c.item().id() + "|" + c.basis())
                    && attempt(content, c, p.clinicId, today).ok()) {
                actions.add(c.decision().action());
            }
        }
        if (actions.isEmpty()) {
            sql.update("delete from pending_suggestion where patient_id = ?", p.id);
            return;
        }
        sql.update("""
                insert into pending_suggestion (patient_id, plan_id, actions, updated_at) values (?, ?, ?, ?)
                on conflict (patient_id) do update set plan_id = excluded.plan_id, actions = excluded.actions,
                    updated_at = excluded.updated_at""",
                p.id, plan.id, actions.stream().map(Action::name).collect(Collectors.joining(",")), Instant.now());
    }

    /**
     * A red flag raised or a signal alert resolved (a check-in, a therapist's resolution):
     * holds follow at once, not at the next session. After the check-in or resolution has
     * committed, in a transaction of its own: the most safety-critical write (a red flag)
     * never depends on this review succeeding. If it fails (a concurrent plan change, say),
     * it is logged and the holds follow with the next evidence. Alerts raised while logging
     * a session are followed by {@link #afterNewEvidence} at the end of that request.
     */
    void onAlert(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                 AlertChanged e) {
        boolean signal = e.kind() == AlertKind.RED_FLAG || e.kind() == AlertKind.PAIN_RISING
                || e.kind() == AlertKind.PERIPHERALISATION;
        if (!signal || (e.kind() != AlertKind.RED_FLAG && e.open())) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Patient p = Patient.findById(e.patientId());
                if (p != null) {
                    afterNewEvidence(p);
                }
            });
        } catch (RuntimeException failed) {
            rollbacks.reported(); // its own transaction, already over; what the request did is committed
            LOG.warnf("Reviewing the plan holds after a %s alert of patient %s failed (%s); they follow with the next"
                    + " session", e.kind(), e.patientId(), failed.toString());
        }
    }

    private int autoApply(Patient p, Plan plan) {
        Set<String> decided = decidedBases(plan.id);
        int applied = 0;
        int before = plan.currentRevision;
        List<String> all = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        boolean regressed = false;
        LocalDate today = PatientCalendarToday.of(p);
        for (Computed c : compute(p, plan, current(plan))) {
            if (c.decision().action() == Action.HOLD || decided.contains(c.item().id() + "|" + c.basis())) {
                continue;
            }
            if (PlanAdjuster.HOLD_FLARE.equals(c.item().hold())) {
                continue; // the flare-up stepped it back already; its end restores it (the therapist sees the suggestion)
            }
            PlanContent content = current(plan);
            PlanAdjuster.Attempt r = attempt(content, c, p.clinicId, today);
            if (!r.ok()) {
                continue; // nothing left to step: stays a suggestion, marked not applicable
            }
            if (c.decision().action() == Action.PROGRESS
                    && !withinCeiling(c.item(), r.result().content().item(c.item().id()).orElseThrow(), p.clinicId)) {
                continue;
            }
            record(plan.id, c, "AUTO_APPLIED", null, null);
            plans.commitChange(plan, p, PlanRevision.Kind.ADJUSTED,
                    "Automatic (rule " + c.decision().rule() + "): " + c.decision().reason(),
                    withRule(r.result().changes(), c), r.result().content(), PlanChanges.Actor.RULE);
            all.addAll(r.result().changes());
            rules.add(c.decision().rule());
            regressed |= c.decision().action() == Action.REGRESS;
            applied++;
        }
        if (applied > 0) {
            // One alert for what this evidence changed, however many items: undo is one restore.
            alerts.raise(p.clinicId, p.id, AlertKind.PLAN_AUTO_ADJUSTED, "revision:" + plan.id + ":" + plan.currentRevision,
                    "The plan was changed automatically: " + String.join("; ", all) + ". Undo by restoring revision "
                            + before + ".",
                    Map.of("revision", plan.currentRevision, "rule", String.join(", ", rules),
                            "action", regressed ? Action.REGRESS.name() : Action.PROGRESS.name(), "restore", before), true);
        }
        return applied;
    }

    /** An item whose scheduled progression a signal could hold, or that a signal holds now. */
    private static boolean holdable(PlanItem i) {
        return !i.paused() && i.progression() != null && (!i.held() || i.hold().startsWith(SIGNAL_HOLD));
    }

    /** The plan with holds set or lifted as the decisions say, and a sentence per change. */
    record HoldChanges(PlanContent content, List<String> changes) {
    }

    private HoldChanges holdChanges(Patient p, PlanContent content, List<Computed> computed) {
        LocalDate today = PatientCalendarToday.of(p);
        Chain chain = catalog.chainFor(p.clinicId);
        List<String> changes = new ArrayList<>();
        PlanContent next = content;
        for (Computed c : computed) {
            PlanItem item = c.item();
            if (!holdable(item)) {
                continue;
            }
            Optional<String> signal = c.holdingSignal();
            String name = catalog.get(item.exerciseId()).map(ExerciseCatalog.Entry::name).orElse("Item");
            ProgressionMath.Prescription now = ProgressionMath.on(item, today, chain);
            if (signal.isPresent() && !item.held()) {
                PlanItem held = item.withState(now.exerciseId(), now.dosage(), today)
                        .withHold(SIGNAL_HOLD + signal.get());
                next = next.withItem(item.id(), i -> held);
                changes.add(name + ": scheduled progression held (rule " + signal.get() + ")"
                        + (signal.get().equals(c.decision().rule()) ? ": " + c.decision().reason() : ""));
            } else if (signal.isEmpty() && item.held()) {
                PlanItem released = item.withState(now.exerciseId(), now.dosage(), today).withHold(null);
                next = next.withItem(item.id(), i -> released);
                changes.add(name + ": scheduled progression resumed from today's dose (no signal stands)");
            }
        }
        return new HoldChanges(next, changes);
    }

    private int reviewHolds(Patient p, Plan plan) {
        PlanContent content = current(plan);
        HoldChanges h = holdChanges(p, content, compute(p, plan, content));
        if (h.changes().isEmpty()) {
            return 0;
        }
        plans.commitChange(plan, p, PlanRevision.Kind.ADJUSTED, "Automatic: scheduled progression "
                        + (h.changes().stream().allMatch(x -> x.contains("resumed")) ? "resumed" : "held")
                        + " by the pain rules", h.changes(), h.content(), PlanChanges.Actor.RULE);
        return 1;
    }

    /** The plan's current content, parsed once per instance (revisions are immutable). */
    private PlanContent current(Plan plan) {
        return revisions.one(plan.id, plan.currentRevision).content();
    }

    // --- internals -----------------------------------------------------------

    List<Computed> compute(Patient p, Plan plan, PlanContent content) {
        SuggestionRules.Thresholds t = thresholds(p.clinicId, content.rules());
        Signals signals = signals(p.id);
        SuggestionRules.Context context = new SuggestionRules.Context(signals.open().contains(AlertKind.RED_FLAG.name()),
                content.inFlare(), signals.open().contains(AlertKind.PAIN_RISING.name()),
                signals.open().contains(AlertKind.PERIPHERALISATION.name()), signals.baselinePeak());
        List<Row> sessions = recentSessions(p.id);
        Map<String, PlanRevisions.Entry> revisionsSeen = new HashMap<>();
        Chain chain = catalog.chainFor(p.clinicId);
        LocalDate today = PatientCalendarToday.of(p);
        List<Computed> out = new ArrayList<>();
        for (PlanItem item : content.items()) {
            if (item.paused()) {
                continue;
            }
            ProgressionMath.Prescription current = ProgressionMath.on(item, today, chain);
            List<ItemSession> history = new ArrayList<>();
            for (Row s : sessions) {
                if (history.size() >= Math.max(t.progressAfterSessions(), 1)) {
                    break; // the rules look at no more than this many, newest first
                }
                PlanRevisions.Entry rev = revisionsSeen.computeIfAbsent(s.planId() + ":" + s.revision(),
                        k -> revisions.one(s.planId(), s.revision()));
                if (rev == null || s.startedAt().isBefore(rev.createdAt())) {
                    continue; // dated before the revision it claims existed: does not count towards it
                }
                PlanContent rc = rev.content();
                PlanItem then = rc.item(item.id()).orElse(null);
                // Only sessions done against the prescription still in force for this item count.
                if (then == null || s.localDate().isBefore(then.since())
                        || !ProgressionMath.on(then, s.localDate(), chain).equals(current)) {
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
                history.add(new ItemSession(s.id().toString(), s.localDate(), full, skipped, s.painBefore(), s.painPeak(),
                        s.morning(), s.morningPain(), "PERIPHERALISING".equals(s.symptomChange()), s.difficulty()));
            }
            String basis = history.isEmpty() ? "none" : history.get(0).sessionId() + ":" + history.get(0).nextMorning();
            out.add(new Computed(item, SuggestionRules.decide(history, context, t), basis,
                    SuggestionRules.holdingSignal(history, context, t)));
        }
        return out;
    }

    /**
     * A recent session. Its item results are parsed on first use: most sessions of a long
     * history fail the prescription check first and are never parsed (this runs on every
     * session PUT).
     */
    record Row(UUID id, UUID planId, int revision, Instant startedAt, LocalDate localDate, int painBefore, int painPeak,
               int difficulty, String symptomChange, Supplier<List<ItemResult>> itemResults,
               String morning, Integer morningPain) {
        List<ItemResult> items() {
            return itemResults.get();
        }
    }

    /** Parses once, when first asked. */
    private Supplier<List<ItemResult>> lazily(String itemsJson) {
        return new Supplier<>() {
            private List<ItemResult> parsed;

            @Override
            public List<ItemResult> get() {
                if (parsed == null) {
                    parsed = json.read(itemsJson, ITEMS);
                }
                return parsed;
            }
        };
    }

    private List<Row> recentSessions(UUID patientId) {
        return sql.list("""
                select s.id, s.plan_id, s.plan_revision, s.started_at, s.local_date, s.pain_before, s.pain_peak,
                       s.difficulty, s.symptom_change, cast(s.items as text), m.answer, m.pain
                from session_log s left join morning_check m on m.patient_id = s.patient_id and m.session_id = s.id
                where s.patient_id = ? order by s.started_at desc limit ?""",
                rs -> new Row(Sql.uuid(rs, 1), Sql.uuid(rs, 2), rs.getInt(3), Sql.instant(rs, 4),
                        rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9),
                        lazily(rs.getString(10)), rs.getString(11), (Integer) rs.getObject(12)),
                patientId, RECENT_SESSIONS);
    }

    /**
     * Kinds of the patient's unresolved alerts that block progression, and the patient's own
     * baseline: mean peak pain over their first 7 days with sessions (null before any). One statement.
     */
    record Signals(Set<String> open, Double baselinePeak) {
    }

    private Signals signals(UUID patientId) {
        return sql.first("""
                select (select string_agg(kind, ',') from alert where patient_id = ? and status <> 'RESOLVED'
                            and kind in ('RED_FLAG', 'PAIN_RISING', 'PERIPHERALISATION')),
                       (select cast(avg(s.pain_peak) as float8) from session_log s where s.patient_id = ?
                            and s.local_date < (select min(local_date) + 7 from session_log where patient_id = ?))""",
                rs -> new Signals(rs.getString(1) == null ? Set.of() : Set.of(rs.getString(1).split(",")),
                        (Double) rs.getObject(2)), patientId, patientId, patientId).orElseThrow();
    }

    private PlanAdjuster.Attempt attempt(PlanContent content, Computed c, UUID clinicId, LocalDate today) {
        Adjustment action = c.decision().action() == Action.PROGRESS ? Adjustment.PROGRESS : Adjustment.REGRESS;
        // The clinic's settings are already in this transaction's persistence context (thresholds()).
        return adjustments.attempt(content, new PlanAdjuster.Request(action, c.item().id(), null, null, null), clinicId,
                today, ClinicSettings.of(clinicId).doseStepBackPercent);
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
        return Set.copyOf(sql.list("select cast(item_id as text), basis from suggestion_outcome where plan_id = ?",
                rs -> rs.getString(1) + "|" + rs.getString(2), planId));
    }

    private void record(UUID planId, Computed c, String outcome, UUID by, String reason) {
        sql.update("""
                insert into suggestion_outcome (plan_id, item_id, basis, outcome, action, rule, decided_by, decided_at, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                planId, c.item().id(), c.basis(), outcome, c.decision().action().name(), c.decision().rule(), by,
                Instant.now(), reason);
    }

    private static List<String> withRule(List<String> changes, Computed c) {
        List<String> all = new ArrayList<>(changes);
        all.add("Rule " + c.decision().rule() + ": " + c.decision().reason());
        return all;
    }

    /** {@code attempt}: what accepting would do (null for HOLD); a refused one is not applicable, and says why. */
    private Suggestion view(Computed c, PlanAdjuster.Attempt attempt) {
        String name = catalog.get(c.item().exerciseId()).map(ExerciseCatalog.Entry::name).orElse(null);
        boolean applicable = attempt != null && attempt.ok();
        return new Suggestion(c.item().id(), c.item().exerciseId(), name, c.decision().action(), c.decision().rule(),
                c.decision().reason(), c.decision().evidence(),
                c.decision().sessionIds().stream().map(UUID::fromString).toList(), applicable,
                attempt != null && !attempt.ok() ? attempt.refusal() : null);
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
            return PatientCalendar.today(p.timeZone);
        }
    }

}
