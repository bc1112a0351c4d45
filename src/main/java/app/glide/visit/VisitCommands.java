package app.glide.visit;

import app.glide.web.PatientLocks;
import app.glide.access.Caller;
import app.glide.access.UserAccount;
import app.glide.audit.AuditLog;
import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.web.ApiProblem;
import app.glide.web.VisibleTexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recording and amending visits, for the care team. Everything is checked ({@link VisitRules})
 * before the first row is written; the head, the version, the interventions and the audit
 * event commit together. An amendment locks the visit row, requires If-Match (428 without), adds
 * a version and replaces the current interventions: no version is ever changed.
 */
@ApplicationScoped
@Transactional
public class VisitCommands {

    @Inject
    PatientLocks locks;

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Sql sql;

    @Inject
    JsonColumns json;

    @Inject
    VisitQueries queries;

    @Inject
    Event<VisitRecorded> recorded;

    @Inject
    Clock clock;

    public VisitQueries.Served record(UUID patientId, VisitDtos.VisitRequest r) {
        Patient p = access.require(patientId);
        locks.lockWritable(p.id);
        VisitContent content = VisitRules.check(r, clock.instant(), ZoneId.of(p.timeZone), caller.userId(),
                this::isClinicTherapist);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        sql.update("""
                insert into visit (id, clinic_id, patient_id, kind, visit_date, current_version, created_by, created_at)
                values (?, ?, ?, ?, ?, 1, ?, ?)""",
                id, p.clinicId, p.id, content.kind().name(), content.visitDate(), caller.userId(), now);
        write(p, id, 1, content, null, now);
        return queries.served(p, id);
    }

    public VisitQueries.Served amend(UUID patientId, UUID visitId, String ifMatch, VisitDtos.AmendmentRequest r) {
        Patient p = access.require(patientId);
        locks.lockWritable(p.id);
        int current = sql.first("select current_version from visit where id = ? and patient_id = ? for update",
                rs -> rs.getInt(1), visitId, p.id).orElseThrow(() -> ApiProblem.notFound("visit", visitId));
        VisitEtag.requireCurrent(ifMatch, visitId, current);
        VisitContent content = VisitRules.check(r.content(), clock.instant(), ZoneId.of(p.timeZone), caller.userId(),
                this::isClinicTherapist);
        int next = current + 1;
        sql.update("update visit set kind = ?, visit_date = ?, current_version = ? where id = ?",
                content.kind().name(), content.visitDate(), next, visitId);
        sql.update("delete from visit_intervention where visit_id = ?", visitId);
        write(p, visitId, next, content, VisibleTexts.trimmed(r.reason()), clock.instant());
        return queries.served(p, visitId);
    }

    /** The version, its interventions (the current ones) and the audit event. */
    private void write(Patient p, UUID visitId, int version, VisitContent content, String reason, Instant now) {
        sql.update("""
                insert into visit_version (visit_id, version, body, written_by, written_at, reason)
                values (?, ?, cast(? as jsonb), ?, ?, ?)""",
                visitId, version, json.write(content), caller.userId(), now, reason);
        List<Intervention> given = content.interventions();
        for (int i = 0; i < given.size(); i++) {
            Intervention iv = given.get(i);
            sql.update("""
                    insert into visit_intervention (visit_id, ordinal, patient_id, clinic_id, kind, given_at, given_by,
                        wear_until)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    visitId, i, p.id, p.clinicId, iv.type().name(), iv.givenAt(), iv.givenBy(),
                    iv.taping() == null ? null : iv.taping().wearUntil());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("patientId", p.id.toString());
        details.put("version", version);
        details.put("kind", content.kind().name());
        details.put("visitDate", content.visitDate().toString());
        details.put("interventions", given.stream().map(iv -> iv.type().name()).toList());
        if (reason != null) {
            details.put("reasonGiven", true); // the text is in visit_version: audit rows outlive an erasure
        }
        audit.record("visit", visitId, version == 1 ? "recorded" : "amended", details);
        boolean soreness = version > 1 || given.stream().anyMatch(iv -> iv.type().mayLeaveSoreness());
        recorded.fire(new VisitRecorded(p.clinicId, p.id, visitId, content.kind().name(), content.visitDate(), soreness,
                version > 1));
    }

    private boolean isClinicTherapist(UUID id) {
        return UserAccount.findTherapist(caller.clinicId(), id).map(u -> u.active).orElse(false);
    }
}
