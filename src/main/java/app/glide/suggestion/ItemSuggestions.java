package app.glide.suggestion;

import app.glide.clinic.ClinicSettings;
import app.glide.exercise.Chain;
import app.glide.exercise.ExerciseCatalog;
import app.glide.patient.Patient;
import app.glide.plan.Adjustment;
import app.glide.plan.PatientCalendar;
import app.glide.plan.Plan;
import app.glide.plan.PlanAdjuster;
import app.glide.plan.PlanAdjustments;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.PlanRevisions;
import app.glide.suggestion.SuggestionEvidence.LoggedSession;
import app.glide.suggestion.SuggestionEvidence.RevisionSeen;
import app.glide.suggestion.SuggestionRules.Action;
import app.glide.suggestion.SuggestionRules.ItemSession;
import app.glide.visit.SorenessWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each plan item's suggestion for a patient now: loads what the rules need
 * ({@link SuggestionStore}), picks each item's evidence ({@link SuggestionEvidence}) and asks
 * {@link SuggestionRules}; and what applying one would do to the plan. Reads only, in the
 * caller's transaction.
 */
@ApplicationScoped
public class ItemSuggestions {

    @Inject
    SuggestionStore store;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    PlanAdjustments adjustments;

    @Inject
    PlanRevisions revisions;

    @Inject
    SorenessWindows sorenessWindows;

    @Inject
    Clock clock;

    /** The patient's local date now: the one read of the clinical clock for suggestions. */
    LocalDate today(Patient p) {
        return PatientCalendar.today(clock.instant(), p.timeZone);
    }

    /** The patient's active plan; 404 {@code no-plan} without one. */
    static Plan requireActive(Patient p) {
        Plan plan = Plan.activeFor(p.id);
        if (plan == null) {
            throw Plan.noActivePlan();
        }
        return plan;
    }

    /** The plan's current content, parsed once per instance (revisions are immutable). */
    PlanContent current(Plan plan) {
        return revisions.one(plan.id, plan.currentRevision).content();
    }

    /** A suggestion for every item of {@code content} that is not paused, in plan order. */
    List<ItemSuggestion> compute(Patient p, Plan plan, PlanContent content) {
        SuggestionRules.Thresholds t = thresholds(p.clinicId, content.rules());
        List<LoggedSession> sessions = store.recentSessions(p.id);
        SorenessNotes soreness = soreness(p, sessions);
        SuggestionRules.Context context = store.signals(p.id).context(content.inFlare(),
                soreness.covering(clock.instant()));
        SuggestionEvidence.Revisions seen = revisionsSeen();
        Chain chain = catalog.chainFor(p.clinicId);
        LocalDate today = today(p);
        List<ItemSuggestion> out = new ArrayList<>();
        for (PlanItem item : content.items()) {
            if (item.paused()) {
                continue;
            }
            List<ItemSession> history = SuggestionEvidence.history(item, today, sessions, seen, chain,
                    Math.max(t.progressAfterSessions(), 1), soreness::covering);
            out.add(new ItemSuggestion(item, SuggestionRules.decide(history, context, t),
                    SuggestionEvidence.basis(history), SuggestionRules.holdingSignal(history, context, t)));
        }
        return out;
    }

    /** The expected-soreness windows from the oldest of {@code sessions} to now (one statement). */
    private SorenessNotes soreness(Patient p, List<LoggedSession> sessions) {
        Instant now = clock.instant();
        Instant from = sessions.isEmpty() ? now : sessions.get(sessions.size() - 1).startedAt();
        return new SorenessNotes(sorenessWindows.windows(p.id, from, now), ZoneId.of(p.timeZone));
    }

    /** The revisions sessions name, each looked up once per computation. */
    private SuggestionEvidence.Revisions revisionsSeen() {
        Map<String, RevisionSeen> seen = new HashMap<>();
        return (planId, revision) -> seen.computeIfAbsent(planId + ":" + revision, k -> {
            PlanRevisions.Entry e = revisions.one(planId, revision);
            return e == null ? null : new RevisionSeen(e.createdAt(), e.content());
        });
    }

    /** What applying {@code c} (not a HOLD) to {@code content} would do, or why it cannot. */
    PlanAdjuster.Attempt attempt(PlanContent content, ItemSuggestion c, UUID clinicId, LocalDate today) {
        Adjustment action = c.decision().action() == Action.PROGRESS ? Adjustment.PROGRESS : Adjustment.REGRESS;
        // The clinic's settings are already in this transaction's persistence context (thresholds()).
        return adjustments.attempt(content, new PlanAdjuster.Request(action, c.item().id(), null, null, null), clinicId,
                today, ClinicSettings.of(clinicId).doseStepBackPercent);
    }

    /** The clinic's thresholds, each overridden by the plan's own when it sets one. */
    static SuggestionRules.Thresholds thresholds(UUID clinicId, PlanContent.RuleOverrides o) {
        ClinicSettings s = ClinicSettings.of(clinicId);
        return new SuggestionRules.Thresholds(
                o != null && o.progressAfterSessions() != null ? o.progressAfterSessions() : s.progressAfterSessions,
                o != null && o.progressMaxPain() != null ? o.progressMaxPain() : s.progressMaxPain,
                o != null && o.regressPainAbove() != null ? o.regressPainAbove() : s.regressPainAbove,
                o != null && o.targetDifficulty() != null ? o.targetDifficulty() : s.targetDifficulty);
    }
}
