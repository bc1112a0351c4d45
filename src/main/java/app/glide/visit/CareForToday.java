package app.glide.visit;

import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What /v1/me/today shows of the patient's visits: the care instructions that apply now and
 * the next visit, in one statement. It reads the latest visit (for its next visit date) and the
 * visits with an intervention recent enough for an instruction to apply: a tape still worn, or
 * needling or manual therapy within the longest soreness window.
 */
@ApplicationScoped
public class CareForToday {

    public record Today(List<CareInstructions.Instruction> careInstructions, LocalDate nextVisitOn) {
    }

    @Inject
    Sql sql;

    @Inject
    JsonColumns json;

    private record Row(boolean latest, VisitContent content, int sorenessHours) {
    }

    public Today of(UUID patientId, String timeZone, LocalDate today, Instant now) {
        return of(patientId, timeZone, today, now, "en");
    }

    /** The same with the instructions in {@code language} (one of RuleTexts' shipped languages, else English). */
    public Today of(UUID patientId, String timeZone, LocalDate today, Instant now, String language) {
        List<Row> rows = sql.list("""
                with latest as (
                    select l.id from visit l where l.patient_id = ? order by l.visit_date desc, l.created_at desc limit 1)
                select v.id in (select id from latest), cast(vv.body as text),
                    coalesce((select s.soreness_window_hours from clinic_settings s where s.clinic_id = v.clinic_id), ?)
                from visit v join visit_version vv on vv.visit_id = v.id and vv.version = v.current_version
                where v.patient_id = ? and (v.id in (select id from latest) or v.id in (
                    select i.visit_id from visit_intervention i
                    where i.patient_id = ? and (i.given_at > ? or i.wear_until > ?)))""",
                rs -> new Row(rs.getBoolean(1), json.read(rs.getString(2), VisitContent.class), rs.getInt(3)),
                patientId, SorenessWindows.DEFAULT_HOURS, patientId, patientId,
                now.minus(Duration.ofHours(SorenessWindows.MAX_HOURS)), now);
        ZoneId zone = ZoneId.of(timeZone);
        List<CareInstructions.Instruction> applying = new ArrayList<>();
        LocalDate next = null;
        for (Row r : rows) {
            CareInstructions.of(r.content().interventions(), zone, r.sorenessHours(), language).stream()
                    .filter(i -> i.appliesAt(now)).forEach(applying::add);
            if (r.latest() && r.content().nextVisitOn() != null && !r.content().nextVisitOn().isBefore(today)) {
                next = r.content().nextVisitOn();
            }
        }
        applying.sort(Comparator.comparing(CareInstructions.Instruction::appliesFrom)
                .thenComparing(CareInstructions.Instruction::code));
        return new Today(List.copyOf(applying), next);
    }
}
