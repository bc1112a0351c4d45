package app.glide.fhir;

import app.glide.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a FHIR export reads about one patient: one statement per table, whatever the history's
 * length (no statement per session or per plan). Rows changed before {@code since} are left out
 * where a row has a change time; the patient, clinic and the staff referenced are always read
 * (the bundle's other resources refer to them).
 */
@ApplicationScoped
public class FhirRows {

    /** The tables the export reads patient rows from (the data export's completeness check). */
    public static final List<String> TABLES = List.of("patient", "app_user", "care_team_member", "plan",
            "plan_revision", "session_log", "morning_check", "patient_adherence", "alert", "visit", "visit_version",
            "visit_intervention", "outcome_response", "message");

    /** A time before any row (a full export). */
    static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");

    public record PatientRow(UUID id, String name, String status, String timeZone, Instant updatedAt, UUID clinicId,
                             String clinicName, UUID primaryTherapistId) {
    }

    public record CareTeamRow(UUID therapistId, Instant addedAt) {
    }

    public record StaffRow(UUID id, String name, String role, boolean active) {
    }

    public record RevisionRow(UUID planId, String planStatus, int currentRevision, Instant planCreatedAt,
                              Instant endedAt, int revision, Instant createdAt, UUID createdBy, String createdByRole,
                              String kind, String reason, LocalDate effectiveOn, String content) {
    }

    public record ExerciseRow(UUID id, String slug, String name) {
    }

    public record SessionRow(UUID id, Instant startedAt, Instant endedAt, int painBefore, int painPeak, int painAfter,
                             BigDecimal completion, Instant changedAt) {
    }

    public record MorningRow(UUID sessionId, String answer, int pain, Instant createdAt) {
    }

    public record AdherenceRow(LocalDate computedOn, BigDecimal adherence7d, BigDecimal adherence28d,
                               BigDecimal adherenceAll, Instant updatedAt) {
    }

    public record FlagRow(UUID id, String kind, String message, Instant createdAt) {
    }

    public record VisitRow(UUID id, String kind, LocalDate date, UUID createdBy, Instant writtenAt) {
    }

    public record InterventionRow(UUID visitId, int ordinal, String kind, Instant givenAt, UUID givenBy) {
    }

    public record OutcomeRow(UUID id, String instrumentId, String instrumentVersion, Instant answeredAt,
                             BigDecimal score, String band, String answers, Instant receivedAt) {
    }

    public record MessageRow(UUID id, String kind, UUID authorId, String body, Instant createdAt) {
    }

    @Inject
    Sql sql;

    Optional<PatientRow> patient(UUID patientId) {
        return sql.first("""
                select p.id, u.display_name, p.status, p.time_zone, u.updated_at, c.id, c.name, p.primary_therapist_id
                from patient p join app_user u on u.id = p.id join clinic c on c.id = p.clinic_id
                where p.id = ?""", rs -> new PatientRow(Sql.uuid(rs, 1), rs.getString(2), rs.getString(3),
                rs.getString(4), Sql.instant(rs, 5), Sql.uuid(rs, 6), rs.getString(7), Sql.uuid(rs, 8)), patientId);
    }

    List<CareTeamRow> careTeam(UUID patientId) {
        return sql.list("select therapist_id, added_at from care_team_member where patient_id = ? order by added_at, therapist_id",
                rs -> new CareTeamRow(Sql.uuid(rs, 1), Sql.instant(rs, 2)), patientId);
    }

    List<StaffRow> staff(UUID[] ids) {
        return sql.list("select id, display_name, role, active from app_user where id = any(?) order by id",
                rs -> new StaffRow(Sql.uuid(rs, 1), rs.getString(2), rs.getString(3), rs.getBoolean(4)), (Object) ids);
    }

    /** Every revision of every plan of the patient, oldest plan and revision first (all: a plan's items need them). */
    List<RevisionRow> revisions(UUID patientId) {
        return sql.list("""
                select p.id, p.status, p.current_revision, p.created_at, p.ended_at, r.revision, r.created_at,
                       r.created_by, r.created_by_role, r.kind, r.reason, r.effective_on,
                       case when r.revision = p.current_revision then r.content::text end
                from plan p join plan_revision r on r.plan_id = p.id
                where p.patient_id = ? order by p.created_at, p.id, r.revision""",
                rs -> new RevisionRow(Sql.uuid(rs, 1), rs.getString(2), rs.getInt(3), Sql.instant(rs, 4),
                        Sql.instant(rs, 5), rs.getInt(6), Sql.instant(rs, 7), Sql.uuid(rs, 8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class), rs.getString(13)),
                patientId);
    }

    List<ExerciseRow> exercises(UUID[] ids) {
        return sql.list("select id, slug, name from exercise where id = any(?)",
                rs -> new ExerciseRow(Sql.uuid(rs, 1), rs.getString(2), rs.getString(3)), (Object) ids);
    }

    List<SessionRow> sessions(UUID patientId, Instant since) {
        return sql.list("""
                select id, started_at, ended_at, pain_before, pain_peak, pain_after, completion, changed_at
                from session_log where patient_id = ? and changed_at >= ? order by started_at, id""",
                rs -> new SessionRow(Sql.uuid(rs, 1), Sql.instant(rs, 2), Sql.instant(rs, 3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getBigDecimal(7), Sql.instant(rs, 8)), patientId, since);
    }

    List<MorningRow> mornings(UUID patientId, Instant since) {
        return sql.list("""
                select session_id, answer, pain, created_at from morning_check
                where patient_id = ? and created_at >= ? order by created_at, session_id""",
                rs -> new MorningRow(Sql.uuid(rs, 1), rs.getString(2), rs.getInt(3), Sql.instant(rs, 4)),
                patientId, since);
    }

    Optional<AdherenceRow> adherence(UUID patientId, Instant since) {
        return sql.first("""
                select computed_on, adherence_7d, adherence_28d, adherence_all, updated_at from patient_adherence
                where patient_id = ? and updated_at >= ?""",
                rs -> new AdherenceRow(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), Sql.instant(rs, 5)), patientId, since);
    }

    /** Red-flag alerts not resolved yet (raised, or acknowledged and still open). */
    List<FlagRow> openRedFlags(UUID patientId, Instant since) {
        return sql.list("""
                select id, kind, message, created_at from alert
                where patient_id = ? and kind in ('RED_FLAG', 'RED_FLAG_MESSAGE') and status <> 'RESOLVED'
                  and greatest(created_at, coalesce(acknowledged_at, created_at)) >= ?
                order by created_at, id""",
                rs -> new FlagRow(Sql.uuid(rs, 1), rs.getString(2), rs.getString(3), Sql.instant(rs, 4)),
                patientId, since);
    }

    /** Visits as their current version stands, with when that version was written. */
    List<VisitRow> visits(UUID patientId, Instant since) {
        return sql.list("""
                select v.id, v.kind, v.visit_date, v.created_by, vv.written_at
                from visit v join visit_version vv on vv.visit_id = v.id and vv.version = v.current_version
                where v.patient_id = ? and vv.written_at >= ? order by v.visit_date, v.id""",
                rs -> new VisitRow(Sql.uuid(rs, 1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        Sql.uuid(rs, 4), Sql.instant(rs, 5)), patientId, since);
    }

    List<InterventionRow> interventions(UUID patientId) {
        return sql.list("""
                select visit_id, ordinal, kind, given_at, given_by from visit_intervention
                where patient_id = ? order by given_at, visit_id, ordinal""",
                rs -> new InterventionRow(Sql.uuid(rs, 1), rs.getInt(2), rs.getString(3), Sql.instant(rs, 4),
                        Sql.uuid(rs, 5)), patientId);
    }

    List<OutcomeRow> outcomes(UUID patientId, Instant since) {
        return sql.list("""
                select id, instrument_id, instrument_version, answered_at, score, band, answers::text, received_at
                from outcome_response where patient_id = ? and received_at >= ? order by answered_at, id""",
                rs -> new OutcomeRow(Sql.uuid(rs, 1), rs.getString(2), rs.getString(3), Sql.instant(rs, 4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getString(7), Sql.instant(rs, 8)), patientId, since);
    }

    List<MessageRow> messages(UUID patientId, Instant since) {
        return sql.list("""
                select id, kind, author_id, body, created_at from message
                where patient_id = ? and created_at >= ? order by created_at, id""",
                rs -> new MessageRow(Sql.uuid(rs, 1), rs.getString(2), Sql.uuid(rs, 3), rs.getString(4),
                        Sql.instant(rs, 5)), patientId, since);
    }
}
