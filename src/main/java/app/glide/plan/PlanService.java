package app.glide.plan;

import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.exercise.Dosage;
import app.glide.access.Caller;
import app.glide.patient.PatientAccess;
import app.glide.audit.AuditLog;
import app.glide.exercise.ExerciseCatalog;
import app.glide.patient.Patient;
import app.glide.plan.PlanViews.PlanView;
import app.glide.plan.PlanViews.RevisionView;
import app.glide.plan.PlanViews.TodayPlan;
import app.glide.web.ApiProblem;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Plans: reading (therapist and mobile), replacing, adjusting, revisions and restore.
 * Every write locks the plan row, checks If-Match against the current revision, writes a
 * new immutable revision and an audit event in one transaction.
 */
@ApplicationScoped
@Transactional
public class PlanService {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<TodayProgress.Reported>> REPORTED = new TypeReference<>() {
    };

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    AuditLog audit;

    @Inject
    app.glide.education.EducationCatalog education;

    @Inject
    JsonColumns json;

    @Inject
    Sql sql;

    @Inject
    app.glide.web.PatientLocks locks;

    @Inject
    PlanRevisions revisions;

    @Inject
    PlanAdjustments adjustments;

    @Inject
    jakarta.enterprise.event.Event<PlanRevised> revised;

    public record Served(PlanView view, PlanEtag etag) {
    }

    /**
     * What the 304 path needs, from one query: plan, revision, the patient's zone, and the
     * stop state (an open red flag) with what the phone shows while stopped.
     */
    public record Head(UUID planId, int revision, String timeZone, UUID clinicId, UUID patientId, Instant createdAt,
                       PlanViews.StopView stop) {
        public LocalDate today() {
            return PatientCalendar.today(timeZone);
        }

        public PlanEtag etag() {
            return new PlanEtag(planId, revision, today(), stop == null ? null : "stop-" + stop.fingerprint());
        }
    }

    // --- reading -------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Served current(UUID patientId) {
        Patient p = access.require(patientId);
        Plan plan = activePlan(p.id);
        return serve(plan, revision(plan.id, plan.currentRevision), p.timeZone);
    }

    /**
     * The caller's own plan head, or 404 when they have no active plan. One statement: the
     * open RED_FLAG alert is an index probe (alert_one_unresolved); the clinic's settings
     * are read only when there is one ({@code offset 0} keeps the lateral subquery from being
     * flattened, so its condition on the alert stays a one-time filter and the settings are
     * never probed for a patient who is not stopped).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Head myHead() {
        UUID me = caller.userId();
        return sql.first("""
                select pl.id, pl.current_revision, pa.time_zone, pl.clinic_id, pl.created_at,
                       rf.created_at, cs.found, cs.red_flag_message, cs.phone, cs.country, cs.emergency_number
                from plan pl join patient pa on pa.id = pl.patient_id
                left join lateral (
                    select a.created_at from alert a
                    where a.patient_id = pl.patient_id and a.kind = 'RED_FLAG' and a.status <> 'RESOLVED') rf on true
                left join lateral (
                    select true as found, s.red_flag_message, s.phone, s.country, s.emergency_number
                    from clinic_settings s
                    where s.clinic_id = pl.clinic_id and rf.created_at is not null
                    offset 0) cs on true
                where pl.patient_id = ? and pl.status = 'ACTIVE'""",
                rs -> new Head(Sql.uuid(rs, 1), rs.getInt(2), rs.getString(3), Sql.uuid(rs, 4), me, Sql.instant(rs, 5),
                        stop(Sql.instant(rs, 6), rs.getObject(7) != null, rs.getString(8), rs.getString(9),
                                rs.getString(10), rs.getString(11))),
                me).orElseThrow(PlanService::noPlan);
    }

    /** The stop state for an open red flag (null when none), with the clinic's settings or their defaults. */
    private static PlanViews.StopView stop(Instant redFlagSince, boolean settingsSaved, String message, String phone,
                                           String country, String emergencyNumber) {
        if (redFlagSince == null) {
            return null;
        }
        return PlanViews.StopView.redFlag(redFlagSince,
                settingsSaved ? message : app.glide.clinic.ClinicSettings.DEFAULT_RED_FLAG_MESSAGE, phone,
                app.glide.clinic.EmergencyNumbers.effective(emergencyNumber, country));
    }

    /**
     * The body for a head already read: no further statement while the revision is in
     * {@link PlanRevisions}, one when it is not.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanView myPlan(Head head) {
        PlanRevisions.Entry rev = revisions.one(head.planId(), head.revision());
        return assembler(head.clinicId()).plan(planStub(head), head.revision(), rev.createdAt(), rev.content(),
                head.today(), head.timeZone(), head.stop());
    }

    /**
     * Today's items and what was already done: the head, the revision (cached) and one
     * statement for the sessions since the earlier of Monday and {@link TodayProgress#MORNING_CHECK_DAYS}
     * days ago, with whether each has its next-morning check.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TodayPlan myToday() {
        Head head = myHead();
        PlanContent content = revisions.one(head.planId(), head.revision()).content();
        LocalDate today = head.today();
        return assembler(head.clinicId())
                .today(planStub(head), content, head.revision(), today, head.timeZone(), head.stop(), progress(head, today));
    }

    private TodayProgress progress(Head head, LocalDate today) {
        LocalDate since = TodayProgress.since(today);
        // local_date is the phone's date at its own offset (at most 18 hours from UTC): a day earlier in UTC is safe.
        Instant startedFrom = since.minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        java.time.ZoneId zone = java.time.ZoneId.of(head.timeZone());
        List<TodayProgress.Logged> sessions = sql.list("""
                select s.id, s.started_at, s.utc_offset_minutes, s.local_date, s.items, m.session_id is not null,
                       s.ended_at, (select morning_check_min_hours from clinic_settings where clinic_id = ?)
                from session_log s left join morning_check m on m.patient_id = s.patient_id and m.session_id = s.id
                where s.patient_id = ? and s.started_at >= ? and s.local_date >= ?
                order by s.started_at""",
                rs -> {
                    LocalDate day = rs.getObject(4, LocalDate.class);
                    int minHours = rs.getObject(8) == null ? app.glide.clinic.ClinicSettings.DEFAULT_MORNING_CHECK_MIN_HOURS
                            : rs.getInt(8);
                    return new TodayProgress.Logged(Sql.uuid(rs, 1),
                            Sql.instant(rs, 2).atOffset(java.time.ZoneOffset.ofTotalSeconds(rs.getInt(3) * 60)),
                            day, json.read(rs.getString(5), REPORTED), rs.getBoolean(6),
                            MorningCheckWindow.opensAt(Sql.instant(rs, 7), day, zone, minHours));
                },
                head.clinicId(), head.patientId(), startedFrom, since);
        return TodayProgress.of(sessions, today);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RevisionView> revisions(UUID patientId, String cursor, int limit) {
        Plan plan = activePlan(access.require(patientId).id);
        Optional<PageCursor> after = PageCursor.decode(cursor);
        int below = after.map(PageCursor::intId).orElse(Integer.MAX_VALUE);
        List<PlanRevision> rows = PlanRevision.<PlanRevision>find(
                "id.planId = ?1 and id.revision < ?2 order by id.revision desc", plan.id, below)
                .page(0, limit + 1).list();
        return Page.of(rows, limit, this::revisionView, r -> new PageCursor("", Integer.toString(r.id.revision())));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanViews.PlanSummary> plans(UUID patientId) {
        Patient p = access.require(patientId);
        return Plan.<Plan>find("patientId = ?1 order by createdAt desc", p.id).stream()
                .map(pl -> new PlanViews.PlanSummary(pl.id, pl.status, pl.currentRevision, pl.createdAt, pl.endedAt))
                .toList();
    }

    // --- writing -------------------------------------------------------------

    public Served replace(UUID patientId, String ifMatch, PlanDtos.PlanRequest request) {
        Patient p = access.require(patientId);
        LocalDate today = PatientCalendar.today(p.timeZone);
        Plan plan = lockActive(p.id);
        PlanContent before = null;
        if (plan != null) {
            PlanEtag.requireCurrent(ifMatch, plan.id, plan.currentRevision);
            before = read(revision(plan.id, plan.currentRevision).content);
        }
        PlanContent after = PlanRules.toContent(request, id -> catalog.visible(id, p.clinicId).orElse(null), before, today,
                catalog.chainFor(p.clinicId), id -> education.visible(id, p.clinicId));
        List<String> changes = PlanRules.describeReplacement(before, after, names(after, before));
        PlanRevision.Kind kind = PlanRevision.Kind.REPLACED;
        if (plan == null) {
            plan = new Plan();
            plan.id = UUID.randomUUID();
            plan.patientId = p.id;
            plan.clinicId = p.clinicId;
            plan.status = Plan.ACTIVE;
            plan.currentRevision = 1;
            plan.createdAt = Instant.now();
            plan.createdBy = caller.userId();
            plan.persist();
            kind = PlanRevision.Kind.CREATED;
        }
        return commit(plan, p, kind, request.reason(), changes, after, today);
    }

    public Served adjust(UUID patientId, String ifMatch, PlanDtos.AdjustmentRequest request) {
        Patient p = access.require(patientId);
        Plan plan = requireLocked(p.id);
        PlanEtag.requireCurrent(ifMatch, plan.id, plan.currentRevision);
        if (request.action().needsItem() && request.itemId() == null) {
            throw ApiProblem.invalidField("itemId", "is required for " + request.action());
        }
        if (request.action() == Adjustment.SCALE_PLAN && request.scalePercent() == null) {
            throw ApiProblem.invalidField("scalePercent", "is required for SCALE_PLAN");
        }
        LocalDate today = PatientCalendar.today(p.timeZone);
        PlanContent before = read(revision(plan.id, plan.currentRevision).content);
        if (request.dosage() != null || request.exerciseId() != null) {
            checkAdjustmentTarget(before, request, p.clinicId);
        }
        PlanAdjuster.Attempt attempt = adjustments.attempt(before, new PlanAdjuster.Request(request.action(),
                request.itemId(), request.dosage(), request.exerciseId(), request.scalePercent()), p.clinicId, today);
        if (!attempt.ok()) {
            throw ApiProblem.unprocessable("adjustment-refused", "Adjustment not possible", attempt.refusal());
        }
        return commit(plan, p, PlanRevision.Kind.ADJUSTED, request.reason(), attempt.result().changes(),
                attempt.result().content(), today);
    }

    public Served restore(UUID patientId, int revisionNumber, String ifMatch, String reason) {
        Patient p = access.require(patientId);
        Plan plan = requireLocked(p.id);
        PlanEtag.requireCurrent(ifMatch, plan.id, plan.currentRevision);
        PlanRevision old = PlanRevision.findById(new PlanRevision.Key(plan.id, revisionNumber));
        if (old == null) {
            throw ApiProblem.notFound("revision", revisionNumber);
        }
        if (revisionNumber == plan.currentRevision) {
            throw ApiProblem.conflict("already-current", "Revision is current",
                    "Revision " + revisionNumber + " is already the plan in force.");
        }
        LocalDate today = PatientCalendar.today(p.timeZone);
        return commit(plan, p, PlanRevision.Kind.RESTORED, reason,
                List.of("Restored revision " + revisionNumber + " (" + old.reason + ")"), read(old.content), today);
    }

    public void end(UUID patientId, String ifMatch, String reason) {
        Patient p = access.require(patientId);
        Plan plan = requireLocked(p.id);
        PlanEtag.requireCurrent(ifMatch, plan.id, plan.currentRevision);
        plan.status = Plan.ENDED;
        plan.endedAt = Instant.now();
        plan.endedBy = caller.userId();
        audit.record("plan", plan.id, "ended", Map.of("patientId", p.id.toString(), "reason", reason));
        Panache.getEntityManager().flush();
        revised.fire(new PlanRevised(p.id, plan.id, p.timeZone, true));
    }

    // --- internals -----------------------------------------------------------

    /** Who makes a revision: the caller, or a rule (AUTO mode) acting for nobody in particular. */
    public record Actor(UUID userId, String role, boolean system) {
        public static final Actor RULE = new Actor(null, "RULE", true);
    }

    private Served commit(Plan plan, Patient p, PlanRevision.Kind kind, String reason, List<String> changes,
                          PlanContent content, LocalDate today) {
        return commit(plan, p, kind, reason, changes, content, today, new Actor(caller.userId(), caller.role().name(), false));
    }

    /**
     * Writes a new revision made outside the plan endpoints (accepted or automatic
     * suggestions, flare-ups). The caller must hold the plan row lock ({@link #lockForChange}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Served commitChange(Plan plan, Patient p, PlanRevision.Kind kind, String reason, List<String> changes,
                               PlanContent content, Actor actor) {
        return commit(plan, p, kind, reason, changes, content, PatientCalendar.today(p.timeZone), actor);
    }

    /** Locks the patient's active plan for a change (404 without one); checks If-Match when given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Plan lockForChange(UUID patientId, String ifMatch, boolean ifMatchRequired) {
        Plan plan = requireLocked(patientId);
        if (ifMatchRequired || ifMatch != null) {
            PlanEtag.requireCurrent(ifMatch, plan.id, plan.currentRevision);
        }
        return plan;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanContent currentContent(Plan plan) {
        return read(revision(plan.id, plan.currentRevision).content);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanContent contentOf(UUID planId, int revision) {
        PlanRevision r = revision(planId, revision);
        return r == null ? null : read(r.content);
    }

    private Served commit(Plan plan, Patient p, PlanRevision.Kind kind, String reason, List<String> changes,
                          PlanContent content, LocalDate today, Actor actor) {
        PlanRevision rev = new PlanRevision();
        int next = kind == PlanRevision.Kind.CREATED ? 1 : plan.currentRevision + 1;
        rev.id = new PlanRevision.Key(plan.id, next);
        rev.createdAt = Instant.now();
        rev.createdBy = actor.userId();
        rev.createdByRole = actor.role();
        rev.kind = kind;
        rev.reason = reason.strip();
        rev.effectiveOn = today;
        rev.changes = json.write(changes);
        rev.content = json.write(content);
        rev.persist();
        plan.currentRevision = rev.id.revision();
        plan.flareStartedOn = content.inFlare() ? content.flare().startedOn() : null;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("patientId", p.id.toString());
        details.put("revision", rev.id.revision());
        details.put("kind", kind.name());
        details.put("reason", rev.reason);
        details.put("changes", changes);
        String action = kind == PlanRevision.Kind.CREATED ? "created" : "revised";
        if (actor.system()) {
            audit.recordAs(p.clinicId, null, actor.role(), "plan", plan.id, action, details);
        } else {
            audit.record("plan", plan.id, action, details);
        }
        PlanView view = assembler(p.clinicId).plan(plan, rev, content, today, p.timeZone);
        // What is expected of the patient changed: the caseload's adherence (and what is pending)
        // must follow now, in this transaction (PlanRevised's observers).
        Panache.getEntityManager().flush();
        revised.fire(new PlanRevised(p.id, plan.id, p.timeZone, false));
        return new Served(view, new PlanEtag(plan.id, rev.id.revision(), today));
    }

    private Served serve(Plan plan, PlanRevision rev, String zone) {
        LocalDate today = PatientCalendar.today(zone);
        PlanView view = assembler(plan.clinicId).plan(plan, rev, read(rev.content), today, zone);
        return new Served(view, new PlanEtag(plan.id, rev.id.revision(), today));
    }

    /** Dosage and exercise given to SET_DOSAGE / SET_EXERCISE must fit the exercise they land on. */
    private void checkAdjustmentTarget(PlanContent content, PlanDtos.AdjustmentRequest r, UUID clinicId) {
        UUID target = r.exerciseId();
        if (target == null) {
            PlanItem item = content.item(r.itemId()).orElse(null);
            if (item == null) {
                return; // the adjuster names the missing item
            }
            target = item.exerciseId();
        }
        ExerciseCatalog.Entry e = catalog.visible(target, clinicId).orElseThrow(() ->
                new ApiProblem(422, "unknown-exercise", "Adjustment not possible", "1 problem in the adjustment.",
                        List.of(new ApiProblem.FieldError("exerciseId", "no exercise " + r.exerciseId() + " in your library")),
                        null));
        if (r.dosage() != null && !e.dosageType().fits(r.dosage())) {
            throw new ApiProblem(422, "dosage-mismatch", "Adjustment not possible", "1 problem in the adjustment.",
                    List.of(new ApiProblem.FieldError("dosage", e.name() + " is dosed by "
                            + e.dosageType().name().toLowerCase() + ": give " + e.dosageType().needs())), null);
        }
    }

    private PlanViews.Assembler assembler(UUID clinicId) {
        return new PlanViews.Assembler(catalog, education, clinicId);
    }

    private Map<UUID, String> names(PlanContent after, PlanContent before) {
        List<UUID> ids = new java.util.ArrayList<>(after.items().stream().map(PlanItem::exerciseId).toList());
        if (before != null) {
            before.items().forEach(i -> ids.add(i.exerciseId()));
        }
        Map<UUID, String> names = new HashMap<>();
        catalog.get(ids).forEach((id, e) -> names.put(id, e.name()));
        return names;
    }

    private Plan activePlan(UUID patientId) {
        Plan plan = Plan.activeFor(patientId);
        if (plan == null) {
            throw noPlan();
        }
        return plan;
    }

    /**
     * The patient's lock, then the plan row's: every plan change goes through here, and a
     * revision changes the adherence snapshot, so it waits for (and is waited for by) the
     * patient's other writers in one lock order (see PatientLocks).
     */
    private Plan lockActive(UUID patientId) {
        locks.lock(patientId);
        Plan plan = Plan.<Plan>find("patientId = ?1 and status = ?2", patientId, Plan.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (plan != null) {
            // When this transaction had already loaded the plan (to decide before locking), the
            // query returns that instance as it was then: read it again now that the row is ours.
            Panache.getEntityManager().refresh(plan);
            if (!Plan.ACTIVE.equals(plan.status)) {
                return null;
            }
        }
        return plan;
    }

    private Plan requireLocked(UUID patientId) {
        Plan plan = lockActive(patientId);
        if (plan == null) {
            throw noPlan();
        }
        return plan;
    }

    private static ApiProblem noPlan() {
        return new ApiProblem(404, "no-plan", "No plan", "There is no active plan yet.");
    }

    private static Plan planStub(Head head) {
        Plan plan = new Plan();
        plan.id = head.planId();
        plan.patientId = head.patientId();
        plan.clinicId = head.clinicId();
        plan.createdAt = head.createdAt();
        plan.status = Plan.ACTIVE;
        plan.currentRevision = head.revision();
        return plan;
    }

    private PlanRevision revision(UUID planId, int revision) {
        return PlanRevision.findById(new PlanRevision.Key(planId, revision));
    }

    private RevisionView revisionView(PlanRevision r) {
        return new RevisionView(r.id.revision(), r.createdAt, r.createdBy, r.createdByRole, r.kind.name(), r.reason,
                r.effectiveOn, json.read(r.changes, STRINGS));
    }

    public PlanContent read(String content) {
        return json.read(content, PlanContent.class);
    }
}
