package app.glide.export;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the export writes itself: one JSON file per area, each a single query that answers the
 * area's rows about one patient as a JSON array (every {@code ?} is the patient's id). Secrets
 * that would let someone act as the patient (token and code hashes, push tokens, storage keys)
 * are left out; everything else is the row as stored. {@link #EXCLUDED} names the tables with
 * a patient column that are deliberately not exported, and why; the completeness test fails
 * for a table in neither list nor in an {@link ExportPart}'s tables.
 */
public final class ExportCatalogue {

    /** One file of the export. */
    public record Area(String fileName, Set<String> tables, String sql) {
    }

    private static final String BY_PATIENT = "where t.patient_id = ?";
    private static final String BY_PLAN = "where t.plan_id in (select id from plan where patient_id = ?)";

    public static final List<Area> AREAS = List.of(
            new Area("profile.json", Set.of("app_user", "patient"), """
                    select jsonb_build_object('account', to_jsonb(u) - '{password_hash}'::text[], 'patient', to_jsonb(p))::text
                    from patient p join app_user u on u.id = p.id where p.id = ?"""),
            rows("care-team.json", "care_team_member", BY_PATIENT, "added_at"),
            rows("plans.json", "plan", BY_PATIENT, "created_at"),
            rows("plan-revisions.json", "plan_revision", BY_PLAN, "plan_id, revision"),
            rows("sessions.json", "session_log", BY_PATIENT, "started_at", "body_hash"),
            rows("session-comments.json", "session_comment", BY_PATIENT, "created_at"),
            rows("morning-checks.json", "morning_check", BY_PATIENT, "created_at"),
            rows("red-flag-checks.json", "red_flag_check", BY_PATIENT, "created_at"),
            rows("flare-ups-and-alerts.json", "alert", BY_PATIENT, "created_at"),
            rows("daily-summaries.json", "patient_day", BY_PATIENT, "local_date"),
            rows("adherence.json", "patient_adherence", BY_PATIENT, "computed_on"),
            rows("suggestions.json", "suggestion_outcome", BY_PLAN, "decided_at"),
            rows("pending-suggestions.json", "pending_suggestion", BY_PATIENT, "updated_at"),
            rows("visits.json", "visit", BY_PATIENT, "visit_date, id"),
            rows("visit-versions.json", "visit_version",
                    "where t.visit_id in (select id from visit where patient_id = ?)", "visit_id, version"),
            rows("visit-interventions.json", "visit_intervention", BY_PATIENT, "given_at"),
            rows("questionnaire-schedules.json", "outcome_schedule", BY_PATIENT, "instrument_id"),
            rows("questionnaire-responses.json", "outcome_response", BY_PATIENT, "answered_at", "body_hash"),
            rows("messages.json", "message", BY_PATIENT, "created_at, id", "body_hash"),
            rows("message-reads.json", "message_read", BY_PATIENT, "updated_at"),
            rows("devices.json", "device", BY_PATIENT, "registered_at", "push_token"),
            rows("reminders.json", "reminder_preference", BY_PATIENT, "updated_at"),
            rows("notifications.json", "push_outbox", BY_PATIENT, "created_at"),
            rows("media.json", "media", BY_PATIENT, "created_at", "object_key"),
            rows("enrolment-codes.json", "enrolment_code", BY_PATIENT, "created_at", "lookup", "secret_hash"),
            rows("sign-ins.json", "refresh_token", "where t.user_id = ?", "issued_at", "token_hash"),
            rows("session-revocations.json", "token_revocation", "where t.user_id = ?", "id", "tx"),
            rows("exports.json", "patient_export", BY_PATIENT, "created_at", "content"),
            // Who did what to the record: events on the patient, by the patient, naming the
            // patient, or on the patient's sessions, plans, visits, messages and alerts.
            // A union of indexed lookups (V27: audit_event_entity, audit_event_actor, audit_event_patient),
            // each entity id matched together with its entity type.
            new Area("audit-trail.json", Set.of("audit_event"), """
                    with p as (select id, clinic_id, id::text as pid from patient where id = cast(? as uuid)),
                    ids as (
                        select e.id from audit_event e, p where e.clinic_id = p.clinic_id
                            and e.entity_type in ('patient', 'care_team', 'enrolment_code', 'user') and e.entity_id = p.pid
                        union select e.id from audit_event e, p where e.clinic_id = p.clinic_id and e.actor_user_id = p.id
                        union select e.id from audit_event e, p where e.clinic_id = p.clinic_id
                            and e.details ->> 'patientId' = p.pid
                    """ + byRecords(Map.of("session_log", "session", "plan", "plan", "visit", "visit", "message", "message",
                    "alert", "alert", "media", "media", "patient_export", "patient_export")) + """
                        )
                    select coalesce(jsonb_agg(to_jsonb(t) - '{chain_hash}'::text[] order by t.id), '[]'::jsonb)::text
                    from audit_event t where t.id in (select id from ids)"""));

    /** Tables with a patient column that the export leaves out on purpose, and why. */
    public static final Map<String, String> EXCLUDED = Map.of(
            "password_reset_token", "staff accounts only: a patient has no password (app_user_credentials)",
            "exercise_media", "a clinic library exercise's image or video, never a patient's (media purpose EXERCISE)",
            "education_card_media", "a clinic education card's image or video, never a patient's (media purpose EDUCATION)");

    private ExportCatalogue() {
    }

    /** One indexed lookup per table: the events of the entity type whose ids are the patient's rows of the table. */
    private static String byRecords(Map<String, String> entityTypeOfTable) {
        StringBuilder sql = new StringBuilder();
        new java.util.TreeMap<>(entityTypeOfTable).forEach((table, type) -> sql.append("union select e.id from p, ")
                .append(table).append(" r join audit_event e on e.entity_type = '").append(type)
                .append("' and e.entity_id = r.id::text where r.patient_id = p.id and e.clinic_id = p.clinic_id\n"));
        return sql.toString();
    }

    /** Every table an area of the catalogue writes. */
    public static Set<String> tables() {
        Set<String> out = new LinkedHashSet<>();
        AREAS.forEach(a -> out.addAll(a.tables()));
        return out;
    }

    private static Area rows(String file, String table, String where, String orderBy, String... leftOut) {
        String row = leftOut.length == 0 ? "to_jsonb(t)" : "to_jsonb(t) - '{" + String.join(",", leftOut) + "}'::text[]";
        String order = String.join(", ", java.util.Arrays.stream(orderBy.split(",\\s*")).map(c -> "t." + c).toList());
        return new Area(file, Set.of(table), "select coalesce(jsonb_agg(" + row + " order by " + order
                + "), '[]'::jsonb)::text from " + table + " t " + where);
    }
}
