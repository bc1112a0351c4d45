package app.glide.push;

import app.glide.db.Sql;
import app.glide.message.TherapistReplied;
import app.glide.plan.PlanRevised;
import app.glide.visit.VisitRecorded;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes push_outbox rows in the transaction of the change they announce (the observers run
 * synchronously, inside the writer's transaction: the row commits with the change or not at all).
 * At most one non-urgent row of a kind per patient and local day (the patient's zone decides the
 * day): a second one is not written ({@code on conflict do nothing}).
 */
@ApplicationScoped
public class PushOutbox {

    /** After the plan's own observers (adherence, suggestions). */
    static final int AFTER_PLAN_OBSERVERS = 1000;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    /** A therapist's message: "You have a new message" with the message id. */
    void onTherapistReplied(@Observes TherapistReplied e) {
        enqueue(e.patientId(), PushKind.MESSAGE, e.messageId().toString(), false);
    }

    /**
     * A new plan revision (not an ended plan) by the care team or a rule; not one the patient's own
     * action caused (a flare-up report), which the phone that made it already shows.
     */
    void onPlanRevised(@Observes @Priority(AFTER_PLAN_OBSERVERS) PlanRevised e) {
        if (!e.ended() && !e.byPatient()) {
            enqueue(e.patientId(), PushKind.PLAN_REVISED, e.planId().toString(), false);
        }
    }

    /** A new visit (not an amendment) with kinesiology taping: its care instructions (remove the tape by ...). */
    void onVisitRecorded(@Observes VisitRecorded e) {
        if (e.amended()) {
            return;
        }
        boolean taping = sql.first("select exists (select 1 from visit_intervention where visit_id = ?"
                + " and kind = 'KINESIOLOGY_TAPING')", rs -> rs.getBoolean(1), e.visitId()).orElse(false);
        if (taping) {
            enqueue(e.patientId(), PushKind.CARE_INSTRUCTION, e.visitId().toString(), false);
        }
    }

    /**
     * Writes one pending row due now, in the caller's transaction; false when the patient already
     * has a non-urgent one of this kind today (or does not exist). One statement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(UUID patientId, PushKind kind, String refId, boolean urgent) {
        var now = clock.instant();
        return sql.update("""
                insert into push_outbox (id, patient_id, kind, ref_id, urgent, local_day, created_at, status,
                                         attempts, next_attempt_at)
                select ?, p.id, ?, ?, ?, (cast(? as timestamptz) at time zone p.time_zone)::date, ?, 'PENDING', 0, ?
                from patient p where p.id = ?
                on conflict (patient_id, kind, local_day) where not urgent do nothing""",
                UUID.randomUUID(), kind.name(), refId, urgent, now, now, now, patientId) == 1;
    }
}
