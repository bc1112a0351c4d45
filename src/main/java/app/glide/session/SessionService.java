package app.glide.session;

import app.glide.symptom.SymptomChange;
import app.glide.symptom.SymptomExtent;
import app.glide.access.Caller;
import app.glide.patient.PatientAccess;
import app.glide.access.UserAccount;
import app.glide.adherence.AdherenceService;
import app.glide.adherence.DoseMath;
import app.glide.alert.AlertKind;
import app.glide.alert.AlertRules;
import app.glide.alert.AlertService;
import app.glide.alert.ClinicThresholds;
import app.glide.audit.AuditLog;
import app.glide.clinic.ClinicSettings;
import app.glide.exercise.ExerciseCatalog;
import app.glide.patient.Patient;
import app.glide.plan.Plan;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.PlanRevisions;
import app.glide.plan.ProgressionMath;
import app.glide.session.SessionDtos.CommentView;
import app.glide.session.SessionDtos.ItemResult;
import app.glide.session.SessionDtos.ItemStatus;
import app.glide.session.SessionDtos.MorningCheckView;
import app.glide.session.SessionDtos.SessionPage;
import app.glide.session.SessionDtos.SessionRequest;
import app.glide.session.SessionDtos.SessionView;
import app.glide.web.ApiProblem;
import app.glide.web.ApiProblem.FieldError;
import app.glide.web.PageCursor;
import app.glide.db.Sql;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Logging sessions (idempotent by the app's UUID), next-morning checks, delta sync and
 * therapist comments. A new session updates the daily roll-up, the adherence snapshot and
 * raises alerts in the same transaction.
 */
@ApplicationScoped
@Transactional
public class SessionService {

    /** Sessions are accepted up to this long after they started. */
    public static final Duration MAX_AGE = Duration.ofDays(30);
    /** Phones' clocks drift: a session may end this far in the future. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    public static final Duration MAX_LENGTH = Duration.ofHours(12);

    private static final TypeReference<List<ItemResult>> ITEMS = new TypeReference<>() {
    };

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    @Inject
    PlanRevisions revisions;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    AdherenceService adherence;

    @Inject
    AlertService alerts;

    @Inject
    AuditLog audit;

    @Inject
    jakarta.enterprise.event.Event<SessionEvidence> evidence;

    @Inject
    app.glide.db.JsonColumns json;

    @Inject
    Sql sql;

    @Inject
    app.glide.web.PatientLocks locks;

    public record Logged(SessionView view, boolean created) {
    }

    /** The session after another by start time: its id, symptom extent and stored change. */
    private record Next(UUID id, String extent, String change) {
    }

    private record Neighbours(String previousExtent, Next next) {
    }

    /** What logging a session needs about the patient, their plan and their clinic's thresholds: one statement. */
    private record Context(UUID patientId, UUID clinicId, String timeZone, Plan plan, AlertRules.Thresholds thresholds) {
    }

    private Context context(UUID patientId, UUID planId) {
        return sql.first("""
                select pa.clinic_id, pa.time_zone, pl.patient_id, pl.status, pl.current_revision, pl.created_at,
                       cs.pain_rise_points, cs.worse_mornings_in_a_row, cs.low_adherence_percent, cs.inactivity_days
                from patient pa
                left join plan pl on pl.id = ?
                left join clinic_settings cs on cs.clinic_id = pa.clinic_id
                where pa.id = ?""", rs -> {
            UUID clinicId = Sql.uuid(rs, 1);
            Plan plan = null;
            if (rs.getObject(3) != null) {
                plan = new Plan();
                plan.id = planId;
                plan.patientId = Sql.uuid(rs, 3);
                plan.clinicId = clinicId;
                plan.status = Plan.Status.valueOf(rs.getString(4));
                plan.currentRevision = rs.getInt(5);
                plan.createdAt = Sql.instant(rs, 6);
            }
            AlertRules.Thresholds t = rs.getObject(7) == null ? AlertRules.Thresholds.DEFAULTS
                    : new AlertRules.Thresholds(rs.getDouble(7), rs.getInt(8), rs.getInt(9), rs.getInt(10));
            return new Context(patientId, clinicId, rs.getString(2), plan, t);
        }, planId, patientId).orElseThrow(() -> new IllegalStateException("no patient row for an authenticated patient"));
    }

    public Logged log(UUID id, SessionRequest r) {
        // First, before any read: one writer per patient, so the snapshot, the neighbours'
        // symptom changes and the holds are computed from every session committed before
        // this one (see PatientLocks).
        locks.lock(caller.userId());
        Context patient = context(caller.userId(), r.planId());
        // What is stored and answered has PostgreSQL's precision, so a replay or a later read answers the same.
        Instant now = app.glide.db.DbTime.now();
        java.time.OffsetDateTime startedAt = app.glide.db.DbTime.micros(r.startedAt());
        java.time.OffsetDateTime endedAt = app.glide.db.DbTime.micros(r.endedAt());
        checkTimes(r, now);
        checkNotEmpty(r, startedAt, endedAt);
        Plan plan = patient.plan();
        PlanRevisions.Entry rev = plan == null || !plan.patientId.equals(patient.patientId()) ? null
                : revisions.revision(plan.id, r.planRevision(), plan.currentRevision);
        if (rev == null) {
            throw new ApiProblem(422, "unknown-plan-revision", "Session cannot be recorded", "1 problem in the session.",
                    List.of(new FieldError("planRevision", "your plan has no revision " + r.planRevision()
                            + " of plan " + r.planId())), null);
        }
        PlanContent content = rev.content();
        // Which local time the start was: an explicit offset is the phone's; UTC is taken in the patient's zone.
        ZoneOffset offset = SessionClock.localOffset(startedAt, java.time.ZoneId.of(patient.timeZone()));
        startedAt = startedAt.withOffsetSameInstant(offset);
        endedAt = endedAt.withOffsetSameInstant(offset);
        java.time.LocalDate day = startedAt.toLocalDate();
        double completion = completion(r, content, day, patient.clinicId());
        byte[] hash = hash(r);

        // The sessions either side by start time, in one statement: this one's symptom change is
        // against the one before; the one after is recomputed against this one (it arrived first).
        Neighbours around = sql.first("""
                select (select symptom_extent from session_log where patient_id = ? and started_at < ?
                        order by started_at desc limit 1),
                       n.id, n.symptom_extent, n.symptom_change
                from (select 1) one left join lateral (
                    select id, symptom_extent, symptom_change from session_log where patient_id = ? and started_at > ?
                    order by started_at limit 1) n on true""",
                rs -> new Neighbours(rs.getString(1), rs.getObject(2) == null ? null
                        : new Next(Sql.uuid(rs, 2), rs.getString(3), rs.getString(4))),
                patient.patientId(), startedAt.toInstant(), patient.patientId(), startedAt.toInstant()).orElseThrow();
        String previousExtent = around.previousExtent();
        SymptomChange change = r.symptomExtent().comparedWith(previousExtent == null ? null : SymptomExtent.valueOf(previousExtent));
        BigDecimal completionValue = BigDecimal.valueOf(completion).setScale(4, RoundingMode.HALF_UP);

        int inserted = sql.update("""
                insert into session_log (id, patient_id, clinic_id, plan_id, plan_revision, started_at, ended_at,
                    utc_offset_minutes, local_date, pain_before, pain_peak, pain_after, difficulty, symptom_extent,
                    symptom_change, completion, items, note, body_hash, received_at, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
                on conflict (patient_id, id) do nothing""",
                id, patient.patientId(), patient.clinicId(), r.planId(), r.planRevision(), startedAt.toInstant(),
                endedAt.toInstant(), offset.getTotalSeconds() / 60, day, r.painBefore(),
                r.painPeak(), r.painAfter(), r.difficulty(), r.symptomExtent().name(),
                change == null ? null : change.name(), completionValue, json.write(r.items()), r.note(), hash, now, now);
        if (inserted == 0) {
            // This patient's own session under that id (another patient's never conflicts: the key is per patient).
            SessionLog existing = SessionLog.findById(new SessionLog.Key(patient.patientId(), id));
            if (!Arrays.equals(existing.bodyHash, hash)) {
                throw ApiProblem.conflict("session-conflict", "Session id already used",
                        "A different session was already recorded under id " + id
                                + "; give every session its own UUID.");
            }
            return new Logged(views(List.of(existing)).get(0), false);
        }
        sql.update("""
                insert into patient_day (patient_id, local_date, sessions, completion_sum, pain_before_sum, pain_count)
                values (?, ?, 1, ?, ?, 1)
                on conflict (patient_id, local_date) do update set sessions = patient_day.sessions + 1,
                    completion_sum = patient_day.completion_sum + excluded.completion_sum,
                    pain_before_sum = patient_day.pain_before_sum + excluded.pain_before_sum,
                    pain_count = patient_day.pain_count + 1""",
                patient.patientId(), day, completionValue, r.painBefore());
        AdherenceService.Computed computed = Plan.ACTIVE.equals(plan.status)
                ? adherence.recompute(patient.patientId(), patient.timeZone(), plan)
                : adherence.recompute(patient.patientId(), patient.timeZone());
        raiseSessionAlerts(patient, id, change, r, day, computed);
        recomputeNextSymptomChange(patient, around.next(), r);
        // The rules follow every session: AUTO changes, holds of scheduled progression, and
        // what the caseload shows as pending.
        if (Plan.ACTIVE.equals(plan.status)) {
            // What the rules need of the patient and the plan was read with the session's context.
            Patient who = new Patient();
            who.id = patient.patientId();
            who.clinicId = patient.clinicId();
            who.timeZone = patient.timeZone();
            evidence.fire(new SessionEvidence(who, plan));
        } else {
            evidence.fire(new SessionEvidence(Patient.findById(patient.patientId()), null));
        }
        audit.record("session", id, "logged", Map.of("planRevision", r.planRevision(), "completion", completion));
        // What was just stored, without reading it back: a new session has no comments or check yet.
        // Both times at the stored offset, as every later read renders them.
        return new Logged(new SessionView(id, r.planId(), r.planRevision(), startedAt, endedAt, day, r.painBefore(),
                r.painPeak(), r.painAfter(), r.difficulty(), r.symptomExtent(), change,
                completionValue.doubleValue(), r.items(), r.note(),
                now, now, null, List.of()), true);
    }

    /**
     * Symptom change is by start time, whatever the upload order: when this session arrived
     * after a later one (an offline batch sent newest first), the later one's change is
     * recomputed against it, and a peripheralisation found that way raises its alert.
     */
    private void recomputeNextSymptomChange(Context p, Next next, SessionRequest r) {
        if (next == null) {
            return;
        }
        SymptomExtent nextExtent = SymptomExtent.valueOf(next.extent());
        SymptomChange change = nextExtent.comparedWith(r.symptomExtent());
        String now = change == null ? null : change.name();
        if (java.util.Objects.equals(now, next.change())) {
            return;
        }
        sql.update("update session_log set symptom_change = ?, changed_at = ? where patient_id = ? and id = ?", now,
                Instant.now(), p.patientId(), next.id());
        if (change == SymptomChange.PERIPHERALISING) {
            alerts.raise(p.clinicId(), p.patientId(), AlertKind.PERIPHERALISATION, "session:" + next.id(),
                    "Symptoms spread further down the leg (now " + nextExtent.name().toLowerCase().replace('_', ' ')
                            + "), found when an earlier session arrived late.",
                    Map.of("sessionId", next.id().toString(), "symptomExtent", nextExtent.name()), false);
        }
    }

    private void raiseSessionAlerts(Context p, UUID sessionId, SymptomChange change, SessionRequest r,
                                    java.time.LocalDate day, AdherenceService.Computed computed) {
        AlertRules.Thresholds t = p.thresholds();
        if (change == SymptomChange.PERIPHERALISING) {
            alerts.raise(p.clinicId(), p.patientId(), AlertKind.PERIPHERALISATION, "session:" + sessionId,
                    "Symptoms spread further down the leg (now " + r.symptomExtent().name().toLowerCase().replace('_', ' ') + ").",
                    Map.of("sessionId", sessionId.toString(), "symptomExtent", r.symptomExtent().name()), false);
        }
        var s = computed.summary();
        if (AlertRules.painRising(s.painAvg7d(), s.painBaseline(), t)) {
            alerts.raise(p.clinicId(), p.patientId(), AlertKind.PAIN_RISING,
                    "week:" + app.glide.plan.PatientCalendar.weekStart(day),
                    String.format(java.util.Locale.ROOT, "Resting pain over the last 7 days averages %.1f, %.1f above the first week (%.1f).",
                            s.painAvg7d(), s.painAvg7d() - s.painBaseline(), s.painBaseline()),
                    Map.of("painAvg7d", s.painAvg7d(), "painBaseline", s.painBaseline()), false);
        }
    }

    public MorningCheckView morningCheck(UUID sessionId, SessionDtos.MorningCheckRequest r) {
        // First: the check may change holds and the plan, which recomputes the snapshot (see PatientLocks).
        locks.lock(caller.userId());
        Patient patient = Patient.findById(caller.userId());
        SessionLog session = SessionLog.<SessionLog>find("id = ?1 and patientId = ?2", sessionId, patient.id).firstResult();
        if (session == null) {
            throw ApiProblem.notFound("session", sessionId);
        }
        MorningCheck already = MorningCheck.findById(new MorningCheck.Key(patient.id, sessionId));
        if (already == null) {
            java.time.ZoneId zone = java.time.ZoneId.of(patient.timeZone);
            Instant opens = app.glide.plan.MorningCheckWindow.opensAt(session.endedAt, session.localDate, zone,
                    ClinicSettings.of(patient.clinicId).morningCheckMinHours);
            if (Instant.now().isBefore(opens)) {
                throw new ApiProblem(422, "morning-check-too-early", "Too early for the next-morning check",
                        "The next-morning check for this session opens at " + opens.atZone(zone).toLocalDateTime()
                                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + " your time (" + zone.getId()
                                + "): how the pain is after a night's rest is what counts.");
            }
        }
        int inserted = Panache.getEntityManager().createNativeQuery("""
                insert into morning_check (session_id, patient_id, answer, pain, created_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (patient_id, session_id) do nothing""")
                .setParameter(1, sessionId).setParameter(2, patient.id).setParameter(3, r.answer().name())
                .setParameter(4, r.pain()).setParameter(5, Instant.now()).executeUpdate();
        MorningCheck stored = MorningCheck.findById(new MorningCheck.Key(patient.id, sessionId));
        if (inserted == 0) {
            if (!stored.answer.equals(r.answer().name()) || stored.pain != r.pain()) {
                throw ApiProblem.conflict("morning-check-conflict", "Morning check already recorded",
                        "This session already has a different next-morning answer.");
            }
            return view(stored);
        }
        touch(patient.id, sessionId);
        AlertRules.Thresholds t = ClinicThresholds.of(ClinicSettings.of(patient.clinicId));
        @SuppressWarnings("unchecked")
        List<String> newestFirst = Panache.getEntityManager().createNativeQuery("""
                select m.answer from morning_check m join session_log s on s.patient_id = m.patient_id and s.id = m.session_id
                where m.patient_id = ?1 order by s.started_at desc limit ?2""")
                .setParameter(1, patient.id).setParameter(2, t.worseMorningsInARow()).getResultList();
        if (AlertRules.worseMornings(newestFirst, t)) {
            alerts.raise(patient.clinicId, patient.id, AlertKind.WORSE_NEXT_MORNING, "session:" + sessionId,
                    "Pain was worse the next morning after the last " + t.worseMorningsInARow() + " sessions.",
                    Map.of("sessionId", sessionId.toString(), "pain", r.pain()), false);
        }
        audit.record("session", sessionId, "morning_checked", Map.of("answer", r.answer().name(), "pain", r.pain()));
        evidence.fire(new SessionEvidence(patient, null));
        return view(stored);
    }

    /** The patient's sessions changed after {@code since} (new, commented, checked), oldest change first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionPage changedSince(Instant since, String cursor, int limit) {
        Optional<PageCursor> after = PageCursor.decodeUuid(cursor);
        List<SessionLog> rows;
        if (after.isPresent()) {
            Instant t = after.get().instant();
            rows = SessionLog.<SessionLog>find("patientId = ?1 and (changedAt > ?2 or (changedAt = ?2 and id > ?3)) order by changedAt, id",
                    caller.userId(), t, after.get().uuid()).page(0, limit + 1).list();
        } else {
            rows = SessionLog.<SessionLog>find("patientId = ?1 and changedAt > ?2 order by changedAt, id",
                    caller.userId(), since == null ? Instant.EPOCH : since).page(0, limit + 1).list();
        }
        boolean more = rows.size() > limit;
        List<SessionLog> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? new PageCursor(shown.get(shown.size() - 1).changedAt.toString(),
                shown.get(shown.size() - 1).id.toString()).encode() : null;
        Instant nextSince = shown.isEmpty() ? since : shown.get(shown.size() - 1).changedAt;
        return new SessionPage(views(shown), next, nextSince);
    }

    /** A patient's sessions for the care team, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionPage forTherapist(UUID patientId, String cursor, int limit) {
        Patient p = access.require(patientId);
        Optional<PageCursor> after = PageCursor.decodeUuid(cursor);
        List<SessionLog> rows = after.isPresent()
                ? SessionLog.<SessionLog>find("patientId = ?1 and (startedAt < ?2 or (startedAt = ?2 and id < ?3)) order by startedAt desc, id desc",
                        p.id, after.get().instant(), after.get().uuid()).page(0, limit + 1).list()
                : SessionLog.<SessionLog>find("patientId = ?1 order by startedAt desc, id desc", p.id).page(0, limit + 1).list();
        boolean more = rows.size() > limit;
        List<SessionLog> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? new PageCursor(shown.get(shown.size() - 1).startedAt.toString(),
                shown.get(shown.size() - 1).id.toString()).encode() : null;
        return new SessionPage(views(shown), next, null);
    }

    public CommentView comment(UUID patientId, UUID sessionId, String body) {
        Patient p = access.require(patientId);
        SessionLog s = SessionLog.<SessionLog>find("id = ?1 and patientId = ?2", sessionId, p.id).firstResult();
        if (s == null) {
            throw ApiProblem.notFound("session", sessionId);
        }
        SessionComment c = new SessionComment();
        c.id = UUID.randomUUID();
        c.patientId = p.id;
        c.sessionId = sessionId;
        c.authorId = caller.userId();
        c.body = body.strip();
        c.createdAt = Instant.now();
        c.persist();
        s.changedAt = c.createdAt;
        audit.record("session", sessionId, "commented", Map.of("commentId", c.id.toString()));
        UserAccount author = UserAccount.findById(c.authorId);
        return new CommentView(c.id, c.authorId, author.displayName, c.body, c.createdAt);
    }

    // --- internals -----------------------------------------------------------

    private void checkTimes(SessionRequest r, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = r.startedAt().toInstant();
        Instant end = r.endedAt().toInstant();
        if (start.isBefore(now.minus(MAX_AGE))) {
            errors.add(new FieldError("startedAt", "is more than 30 days ago; such sessions are no longer accepted"));
        }
        if (end.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("endedAt", "is in the future; check the phone's clock"));
        }
        if (end.isBefore(start)) {
            errors.add(new FieldError("endedAt", "is before startedAt"));
        } else if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            errors.add(new FieldError("endedAt", "makes the session longer than 12 hours"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "session-time-rejected", "Session time not accepted",
                    errors.size() == 1 ? "1 problem in the session." : errors.size() + " problems in the session.",
                    errors, null);
        }
    }

    /**
     * A session that lasted no time, or lists no plan item, reports nothing: refused (422).
     * One where every item was SKIPPED is a real report (and why) and is accepted.
     */
    private static void checkNotEmpty(SessionRequest r, java.time.OffsetDateTime startedAt, java.time.OffsetDateTime endedAt) {
        List<FieldError> errors = new ArrayList<>();
        if (endedAt.toInstant().equals(startedAt.toInstant())) {
            errors.add(new FieldError("endedAt", "equals startedAt: the session lasted no time"));
        }
        if (r.items().isEmpty()) {
            errors.add(new FieldError("items", "lists no plan item; report each item as DONE, PARTIAL or SKIPPED"
                    + " (with a skipReason)"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "empty-session", "Empty session",
                    "The session is empty, so it was not recorded: " + (errors.size() == 1 ? "1 problem." : errors.size() + " problems."),
                    errors, null);
        }
    }

    /** Dose-weighted completion against what the revision prescribed on that day. */
    private double completion(SessionRequest r, PlanContent content, java.time.LocalDate day, UUID clinicId) {
        List<FieldError> shape = new ArrayList<>();
        List<FieldError> unknown = new ArrayList<>();
        Set<UUID> seen = new java.util.HashSet<>();
        Map<UUID, ItemResult> results = new HashMap<>();
        for (int i = 0; i < r.items().size(); i++) {
            ItemResult it = r.items().get(i);
            String at = "items[" + i + "]";
            if (!seen.add(it.itemId())) {
                shape.add(new FieldError(at + ".itemId", "appears twice"));
            }
            if (it.status() == ItemStatus.SKIPPED && it.skipReason() == null) {
                shape.add(new FieldError(at + ".skipReason", "is required when the item was skipped"));
            }
            if (it.status() == ItemStatus.PARTIAL && it.sets() == null && it.reps() == null && it.holdSeconds() == null
                    && it.durationMinutes() == null) {
                shape.add(new FieldError(at, "a PARTIAL item needs what was done (sets, reps, holdSeconds or durationMinutes)"));
            }
            if (content.item(it.itemId()).isEmpty()) {
                unknown.add(new FieldError(at + ".itemId", "is not an item of plan revision " + r.planRevision()));
            }
            results.put(it.itemId(), it);
        }
        if (!shape.isEmpty()) {
            throw new ApiProblem(400, "validation", "Invalid request",
                    shape.size() == 1 ? "1 field is invalid." : shape.size() + " fields are invalid.", shape, null);
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblem(422, "unknown-plan-item", "Session cannot be recorded",
                    unknown.size() == 1 ? "1 problem in the session." : unknown.size() + " problems in the session.",
                    unknown, null);
        }
        var chain = catalog.chainFor(clinicId);
        List<PlanItem> due = content.items().stream()
                .filter(i -> !i.paused() && i.schedule().isDueOn(day)).collect(Collectors.toList());
        if (due.isEmpty()) {
            // An extra session on a day off: count what was reported against its prescription.
            due = content.items().stream().filter(i -> results.containsKey(i.id())).toList();
        }
        if (due.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (PlanItem item : due) {
            ItemResult it = results.get(item.id());
            if (it == null || it.status() == ItemStatus.SKIPPED) {
                continue;
            }
            var prescribed = ProgressionMath.on(item, day, chain).dosage().scaled(content.scalePercent());
            sum += DoseMath.share(prescribed, it.sets(), it.reps(), it.holdSeconds(), it.durationMinutes());
        }
        return sum / due.size();
    }

    private void touch(UUID patientId, UUID sessionId) {
        Panache.getEntityManager().createNativeQuery("update session_log set changed_at = ?1 where patient_id = ?2 and id = ?3")
                .setParameter(1, Instant.now()).setParameter(2, patientId).setParameter(3, sessionId).executeUpdate();
    }

    private List<SessionView> views(List<SessionLog> sessions) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        // All of one patient (a list, a sync page, one session): ids are unique per patient.
        UUID patientId = sessions.get(0).patientId;
        if (sessions.stream().anyMatch(s -> !s.patientId.equals(patientId))) {
            throw new IllegalStateException("sessions of several patients in one view");
        }
        List<UUID> ids = sessions.stream().map(s -> s.id).toList();
        Map<UUID, List<CommentView>> comments = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                select c.session_id, c.id, c.author_id, u.display_name, c.body, c.created_at
                from session_comment c join app_user u on u.id = c.author_id
                where c.patient_id = ?1 and c.session_id = any(?2) order by c.created_at""")
                .setParameter(1, patientId).setParameter(2, ids.toArray(new UUID[0])).getResultList();
        for (Object[] r : rows) {
            comments.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new CommentView((UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4], app.glide.db.SqlValues.instant(r[5])));
        }
        Map<UUID, MorningCheck> checks = MorningCheck.<MorningCheck>list("patientId = ?1 and sessionId in ?2", patientId, ids).stream()
                .collect(Collectors.toMap(m -> m.sessionId, m -> m));
        List<SessionView> views = new ArrayList<>();
        for (SessionLog s : sessions) {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(s.utcOffsetMinutes * 60);
            MorningCheck m = checks.get(s.id);
            views.add(new SessionView(s.id, s.planId, s.planRevision, s.startedAt.atOffset(offset),
                    s.endedAt.atOffset(offset), s.localDate, s.painBefore, s.painPeak, s.painAfter, s.difficulty,
                    s.symptomExtent, s.symptomChange, s.completion.doubleValue(), readItems(s.items), s.note,
                    s.receivedAt, s.changedAt, m == null ? null : view(m), comments.getOrDefault(s.id, List.of())));
        }
        return views;
    }

    private static MorningCheckView view(MorningCheck m) {
        return new MorningCheckView(SessionDtos.MorningAnswer.valueOf(m.answer), m.pain, m.createdAt);
    }

    private List<ItemResult> readItems(String items) {
        return json.read(items, ITEMS);
    }

    private byte[] hash(SessionRequest r) {
        try {
            // Times as instants plus offsets, so "08:00+01:00" and "08:00:00.000+01:00" are the same session.
            Map<String, Object> canonical = new LinkedHashMap<>();
            canonical.put("planId", r.planId());
            canonical.put("planRevision", r.planRevision());
            canonical.put("startedAt", r.startedAt().toInstant() + "@" + r.startedAt().getOffset());
            canonical.put("endedAt", r.endedAt().toInstant() + "@" + r.endedAt().getOffset());
            canonical.put("pain", List.of(r.painBefore(), r.painPeak(), r.painAfter(), r.difficulty()));
            canonical.put("symptomExtent", r.symptomExtent());
            canonical.put("items", r.items());
            canonical.put("note", r.note());
            return MessageDigest.getInstance("SHA-256").digest(json.write(canonical).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
