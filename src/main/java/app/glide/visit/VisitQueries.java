package app.glide.visit;

import app.glide.language.RuleLanguage;
import app.glide.access.Caller;
import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.web.ApiProblem;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's visits as the care team reads them (the list, one visit in full with its
 * versions and the plan revisions that point to it) and as the patient does (only the
 * patient-facing part: date, kind, next visit, note, care instructions).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class VisitQueries {

    /** A visit and its ETag. */
    public record Served(VisitDtos.VisitView view, String etag) {
    }

    @Inject
    Caller caller;

    @Inject
    RuleLanguage ruleLanguage;

    @Inject
    PatientAccess access;

    @Inject
    Sql sql;

    @Inject
    JsonColumns json;

    private record Row(UUID id, VisitDtos.Kind kind, LocalDate visitDate, int version, Instant createdAt,
                       UUID createdBy, VisitContent content, int sorenessHours) {
    }

    public Served one(UUID patientId, UUID visitId) {
        return served(access.require(patientId), visitId);
    }

    /** The visit of a patient already checked (404 when it is not theirs). */
    Served served(Patient p, UUID visitId) {
        Row v = sql.first("""
                select v.id, v.kind, v.visit_date, v.current_version, v.created_at, v.created_by, cast(vv.body as text), 0
                from visit v join visit_version vv on vv.visit_id = v.id and vv.version = v.current_version
                where v.id = ? and v.patient_id = ?""", this::row, visitId, p.id)
                .orElseThrow(() -> ApiProblem.notFound("visit", visitId));
        List<VisitDtos.VersionInfo> versions = sql.list("""
                select version, written_at, written_by, reason from visit_version where visit_id = ? order by version""",
                rs -> new VisitDtos.VersionInfo(rs.getInt(1), Sql.instant(rs, 2), Sql.uuid(rs, 3), rs.getString(4)),
                visitId);
        List<VisitDtos.PlanRevisionLink> revisions = sql.list("""
                select plan_id, revision, created_at from plan_revision where visit_id = ? order by created_at, revision""",
                rs -> new VisitDtos.PlanRevisionLink(Sql.uuid(rs, 1), rs.getInt(2), Sql.instant(rs, 3)), visitId);
        VisitContent c = v.content();
        VisitDtos.VisitView view = new VisitDtos.VisitView(v.id(), p.id, v.kind(), v.visitDate(), v.version(),
                v.createdAt(), v.createdBy(), c.findings(), c.interventions(), c.nextVisitOn(), c.patientNote(),
                c.clinicalNote(), versions, revisions);
        return new Served(view, VisitEtag.header(v.id(), v.version()));
    }

    /** The patient's visits, newest first, keyset-paged by date and id. */
    /**
     * The date of the patient's latest DISCHARGE visit (current versions), for features that follow
     * discharges; no access check (callers act on a patient already checked). One statement.
     */
    public Optional<LocalDate> latestDischarge(UUID patientId) {
        return sql.first("select max(visit_date) from visit where patient_id = ? and kind = 'DISCHARGE'",
                rs -> rs.getObject(1, LocalDate.class), patientId).map(Optional::ofNullable).orElse(Optional.empty());
    }

    public Page<VisitDtos.VisitSummary> list(UUID patientId, String cursor, int limit) {
        Patient p = access.require(patientId);
        List<Row> rows = page(p.id, cursor, limit);
        return Page.of(rows, limit, r -> new VisitDtos.VisitSummary(r.id(), r.kind(), r.visitDate(), r.version(),
                r.createdAt(), r.createdBy(), r.content().nextVisitOn(),
                r.content().interventions().stream().map(Intervention::type).distinct().toList()), VisitQueries::cursor);
    }

    /** The caller's (a patient's) own visits: only what the patient sees of them. */
    public Page<VisitDtos.PatientVisit> mine(String cursor, int limit) {
        Patient p = access.require(caller.userId());
        ZoneId zone = ZoneId.of(p.timeZone);
        String language = ruleLanguage.of(p.id);
        List<Row> rows = page(p.id, cursor, limit);
        return Page.of(rows, limit, r -> new VisitDtos.PatientVisit(r.id(), r.kind(), r.visitDate(),
                r.content().nextVisitOn(), r.content().patientNote(),
                CareInstructions.of(r.content().interventions(), zone, r.sorenessHours(), language)), VisitQueries::cursor);
    }

    private List<Row> page(UUID patientId, String cursor, int limit) {
        Optional<PageCursor> after = PageCursor.decodeUuid(cursor);
        LocalDate afterDate = after.map(c -> date(c.key())).orElse(null);
        UUID afterId = after.map(PageCursor::uuid).orElse(null);
        return sql.list("""
                select v.id, v.kind, v.visit_date, v.current_version, v.created_at, v.created_by, cast(vv.body as text),
                    coalesce((select s.soreness_window_hours from clinic_settings s where s.clinic_id = v.clinic_id), ?)
                from visit v join visit_version vv on vv.visit_id = v.id and vv.version = v.current_version
                where v.patient_id = ? and (cast(? as date) is null or (v.visit_date, v.id) < (cast(? as date), ?))
                order by v.visit_date desc, v.id desc
                limit ?""", this::row, SorenessWindows.DEFAULT_HOURS, patientId, afterDate, afterDate, afterId,
                limit + 1);
    }

    private Row row(java.sql.ResultSet rs) throws SQLException {
        return new Row(Sql.uuid(rs, 1), VisitDtos.Kind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                rs.getInt(4), Sql.instant(rs, 5), Sql.uuid(rs, 6), json.read(rs.getString(7), VisitContent.class),
                rs.getInt(8));
    }

    private static PageCursor cursor(Row r) {
        return new PageCursor(r.visitDate().toString(), r.id().toString());
    }

    private static LocalDate date(String key) {
        try {
            return LocalDate.parse(key);
        } catch (java.time.format.DateTimeParseException e) {
            throw PageCursor.invalid();
        }
    }
}
