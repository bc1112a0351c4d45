package app.glide.outcome;

import app.glide.access.Caller;
import app.glide.audit.AuditLog;
import app.glide.db.ContentHash;
import app.glide.db.DbTime;
import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.outcome.OutcomeDtos.ActivityRating;
import app.glide.outcome.OutcomeDtos.ResponseRequest;
import app.glide.outcome.OutcomeDtos.ResponseView;
import app.glide.patient.PatientAccess;
import app.glide.web.ApiProblem;
import app.glide.web.PatientLocks;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Storing a questionnaire the phone submits, idempotent by the phone's UUID like a session: the
 * same body again answers the stored response, a different body under the same id is a 409. The
 * response is scored before anything is written; a refusal is a 422 naming what was wrong.
 * A new response fires {@link OutcomeScored} in the same transaction.
 */
@ApplicationScoped
@Transactional
public class QuestionnaireResponses {

    /** How far in the future (the phone's clock) an answer time may lie. */
    static final Duration FUTURE_SLACK = Duration.ofMinutes(5);

    /**
     * How long before the patient's record was created an answer may lie: the evaluation's
     * questionnaire may have been answered on paper shortly before enrolment.
     */
    static final Duration BEFORE_RECORD_SLACK = Duration.ofDays(30);

    private static final TypeReference<Stored> STORED = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, BigDecimal>> SUBSCORES = new TypeReference<>() {
    };

    /** What the answers column holds: item answers, or PSFS's activities. */
    record Stored(Map<String, String> answers, List<ActivityRating> activities) {
    }

    public record Submitted(ResponseView view, boolean created) {
    }

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    @Inject
    Sql sql;

    @Inject
    JsonColumns json;

    @Inject
    PatientLocks locks;

    @Inject
    AuditLog audit;

    @Inject
    Event<OutcomeScored> scored;

    @Inject
    Clock clock;

    public Submitted submit(UUID id, ResponseRequest r) {
        UUID patientId = caller.userId();
        Score score = score(r);
        Instant now = clock.instant();
        if (r.answeredAt().toInstant().isAfter(now.plus(FUTURE_SLACK))) {
            throw timeRejected(r, "is in the future; send the time the patient answered.");
        }
        // One writer per patient: the baseline and the due set are computed from every response before this one.
        locks.lockWritable(patientId);
        Object[] patient = sql.first("""
                select p.clinic_id, u.created_at from patient p join app_user u on u.id = p.id where p.id = ?""",
                rs -> new Object[] {Sql.uuid(rs, 1), Sql.instant(rs, 2)}, patientId)
                .orElseThrow(() -> new IllegalStateException("no patient row for an authenticated patient"));
        UUID clinicId = (UUID) patient[0];
        Instant earliest = ((Instant) patient[1]).minus(BEFORE_RECORD_SLACK);
        if (r.answeredAt().toInstant().isBefore(earliest)) {
            throw timeRejected(r, "is more than 30 days before the patient's record was created (" + earliest
                    + " is the earliest); send the time the patient answered.");
        }
        Instant answeredAt = DbTime.micros(r.answeredAt()).toInstant();
        Stored stored = new Stored(score.instrumentId().equals(Psfs.ID) ? null : new TreeMap<>(r.answers()),
                score.instrumentId().equals(Psfs.ID) ? r.activities() : null);
        byte[] hash = ContentHash.sha256(json.write(canonical(r, answeredAt, stored)));
        int inserted = sql.update("""
                insert into outcome_response (id, patient_id, clinic_id, instrument_id, instrument_version, answered_at,
                    answers, score, band, subscores, answered_items, body_hash, received_at)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), ?, ?, ?)
                on conflict (patient_id, id) do nothing""",
                id, patientId, clinicId, score.instrumentId(), r.instrumentVersion(), answeredAt, json.write(stored),
                score.value(), score.band(), json.write(score.subscores()), score.answered(), hash, now);
        if (inserted == 0) {
            byte[] existing = sql.first("select body_hash from outcome_response where patient_id = ? and id = ?",
                    rs -> rs.getBytes(1), patientId, id).orElseThrow();
            if (!Arrays.equals(existing, hash)) {
                throw ApiProblem.conflict("questionnaire-response-conflict", "Response id already used",
                        "A different questionnaire response was already recorded under id " + id
                                + "; give every response its own UUID.");
            }
            return new Submitted(view(patientId, id, score.instrumentId(), r.instrumentVersion()), false);
        }
        ResponseView view = view(patientId, id, score.instrumentId(), r.instrumentVersion());
        audit.record("questionnaire_response", id, "submitted", Map.of("instrumentId", score.instrumentId(),
                "score", score.value()));
        scored.fire(new OutcomeScored(clinicId, patientId, id, score.instrumentId(), score.value(), score.band(),
                view.baseline(), view.change(), view.baselineScore() == null ? null : view.baselineScore().score()));
        return new Submitted(view, true);
    }

    private static ApiProblem timeRejected(ResponseRequest r, String why) {
        return new ApiProblem(422, "questionnaire-time-rejected", "Response cannot be recorded",
                "answeredAt " + r.answeredAt() + " " + why);
    }

    /** The caller's own responses, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ResponseView> mine() {
        List<StoredResponse> all = responses(caller.userId(), null);
        List<ResponseView> views = new ArrayList<>(OutcomeSeries.views(all));
        Collections.reverse(views);
        return views;
    }

    /** A patient's scores per instrument, for the care team: baseline, change and meaningful flag per point. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OutcomeDtos.PatientOutcomes forPatient(UUID patientId) {
        UUID id = access.require(patientId).id;
        return new OutcomeDtos.PatientOutcomes(id, OutcomeSeries.series(responses(id, null)));
    }

    /**
     * Every response of a patient (of one instrument when given), oldest first. One statement. A
     * response stored with an infinite time (possible only before answer times were bounded) is
     * left out: it has no day and cannot be a baseline.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredResponse> responses(UUID patientId, String instrumentId) {
        return sql.list("""
                select id, patient_id, instrument_id, instrument_version, answered_at, received_at, answers::text,
                       score, band, subscores::text, answered_items
                from outcome_response where patient_id = ? and (cast(? as text) is null or instrument_id = ?)
                  and isfinite(answered_at)
                order by answered_at, received_at, id""", this::row, patientId, instrumentId, instrumentId);
    }

    private ResponseView view(UUID patientId, UUID id, String instrumentId, String version) {
        List<StoredResponse> series = responses(patientId, instrumentId).stream()
                .filter(s -> s.instrumentVersion().equals(version)).toList();
        return OutcomeSeries.views(series).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    private StoredResponse row(ResultSet rs) throws SQLException {
        Stored s = json.read(rs.getString(7), STORED);
        Map<String, BigDecimal> stored = json.read(rs.getString(10), SUBSCORES);
        Map<String, BigDecimal> subscores = stored;
        if (s.activities() != null) {
            // jsonb keeps no key order: PSFS's ratings in the patient's order again.
            subscores = new LinkedHashMap<>();
            for (ActivityRating a : s.activities()) {
                subscores.put(a.name().trim(), stored.get(a.name().trim()));
            }
        }
        return new StoredResponse(Sql.uuid(rs, 1), Sql.uuid(rs, 2), rs.getString(3), rs.getString(4),
                Sql.instant(rs, 5), Sql.instant(rs, 6), s.answers(), s.activities(), rs.getBigDecimal(8),
                rs.getString(9), subscores, rs.getInt(11));
    }

    /** Scores the request, or answers a 422 naming what was wrong (nothing is written before this). */
    static Score score(ResponseRequest r) {
        try {
            List<Psfs.Activity> activities = r.activities() == null ? null
                    : r.activities().stream().map(a -> new Psfs.Activity(a.name(), a.rating())).toList();
            return QuestionnaireScoring.score(r.instrumentId(), r.instrumentVersion(), r.answers(), activities);
        } catch (OutcomeRefusal refusal) {
            QuestionnaireScoring.Refusal kind = QuestionnaireScoring.kind(refusal);
            String slug = kind == QuestionnaireScoring.Refusal.UNKNOWN_INSTRUMENT ? "unknown-instrument"
                    : kind == QuestionnaireScoring.Refusal.WRONG_VERSION ? "instrument-version-mismatch"
                    : kind == QuestionnaireScoring.Refusal.UNKNOWN_ITEM ? "unknown-questionnaire-item"
                    : kind == QuestionnaireScoring.Refusal.ANSWER_OUT_OF_RANGE ? "answer-out-of-range"
                    : kind == QuestionnaireScoring.Refusal.TOO_MANY_LEFT_OUT ? "too-many-items-left-out"
                    : kind == QuestionnaireScoring.Refusal.ACTIVITY_COUNT ? "psfs-activity-count"
                    : "invalid-psfs-activity";
            throw new ApiProblem(422, slug, "Questionnaire cannot be scored", refusal.errors().size()
                    + " problem(s) in the response to " + refusal.instrumentId() + ".",
                    refusal.errors().stream().map(e -> new ApiProblem.FieldError(e.field(), e.message())).toList(), null);
        }
    }

    /** What identifies the body: the answer time as an instant, answers in item order. */
    private static Map<String, Object> canonical(ResponseRequest r, Instant answeredAt, Stored stored) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("instrumentId", r.instrumentId());
        c.put("instrumentVersion", r.instrumentVersion());
        c.put("answeredAt", answeredAt.toString());
        c.put("answers", stored.answers());
        c.put("activities", stored.activities());
        return c;
    }
}
