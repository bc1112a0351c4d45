package app.glide.reminder;

import app.glide.access.Caller;
import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.outcome.OutcomeDue;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanRevisions;
import app.glide.visit.TapingRemovals;
import app.glide.visit.VisitRules;
import app.glide.web.ApiProblem;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The caller's reminder schedule ({@link ReminderSchedule}) for a range of local dates of the
 * zone stored on the patient at request time. One statement reads the patient's zone, the
 * active plan's head, the preferences, the outcome schedules ({@link OutcomeDue#HEAD_COLUMN})
 * and the tapes coming off in the range ({@link TapingRemovals#COLUMN}); the plan revision comes
 * from {@link PlanRevisions} (no statement when cached, one when not): two statements at most.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReminderQueries {

    /** The longest range one request may ask for, in days. */
    public static final int MAX_DAYS = 31;
    /** Without {@code to}: a week from {@code from} (today by default). */
    public static final int DEFAULT_DAYS = 7;

    private static final TypeReference<List<List<String>>> PAIRS = new TypeReference<>() {
    };

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    OutcomeDue outcomeDue;

    @Inject
    PlanRevisions revisions;

    @Inject
    JsonColumns json;

    private record Head(ZoneId zone, UUID planId, int revision, Instant planCreatedAt, ReminderPreferences prefs,
                        String schedules, String tapings) {
    }

    public ReminderDtos.ReminderList mine(String fromParam, String toParam) {
        LocalDate fromAsked = date("from", fromParam);
        LocalDate toAsked = date("to", toParam);
        if (fromAsked != null && toAsked != null) {
            checkRange(fromAsked, toAsked); // before any statement
        }
        Instant now = clock.instant();
        // The tapes to read: the dates asked (or a week from today in any zone), a day wider on each
        // side in UTC (a zone's offset is within ±18 hours); the schedule keeps the local dates asked.
        LocalDate utcToday = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate earliest = fromAsked != null ? fromAsked
                : toAsked != null ? toAsked.minusDays(DEFAULT_DAYS - 1) : utcToday.minusDays(1);
        LocalDate latest = toAsked != null ? toAsked : earliest.plusDays(DEFAULT_DAYS + 1);
        Instant rangeStart = earliest.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant rangeEnd = latest.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Head head = sql.first("""
                select pl.time_zone, p.id, p.current_revision, p.created_at,
                       """ + PreferenceStore.COLUMNS + ",\n" + OutcomeDue.HEAD_COLUMN + ",\n" + TapingRemovals.COLUMN + """
                from (select id as patient_id, time_zone from patient where id = ?) pl
                left join plan p on p.patient_id = pl.patient_id and p.status = 'ACTIVE'
                left join reminder_preference rp on rp.patient_id = pl.patient_id""",
                rs -> new Head(ZoneId.of(rs.getString(1)), Sql.uuid(rs, 2), rs.getInt(3), Sql.instant(rs, 4),
                        PreferenceStore.read(rs, 5), rs.getString(10), rs.getString(11)),
                rangeStart.minus(VisitRules.MAX_TAPE_WEAR), rangeStart, rangeEnd, caller.userId())
                .orElseThrow(() -> new IllegalStateException("no patient row for an authenticated patient"));
        LocalDate today = LocalDate.ofInstant(now, head.zone());
        LocalDate from = fromAsked != null ? fromAsked : toAsked != null ? toAsked.minusDays(DEFAULT_DAYS - 1) : today;
        LocalDate to = toAsked != null ? toAsked : from.plusDays(DEFAULT_DAYS - 1);
        PlanContent plan = head.planId() == null ? null : revisions.one(head.planId(), head.revision()).content();
        List<ReminderSchedule.DueQuestionnaire> due = outcomeDue.due(head.schedules(), head.zone(), to, null).stream()
                .map(d -> new ReminderSchedule.DueQuestionnaire(d.instrumentId(), d.dueSince())).toList();
        List<ReminderSchedule.Taping> tapings = head.tapings() == null ? List.of()
                : json.read(head.tapings(), PAIRS).stream()
                        .map(p -> new ReminderSchedule.Taping(UUID.fromString(p.get(0)),
                                OffsetDateTime.parse(p.get(1)).toInstant())).toList();
        ReminderSchedule.Input input = new ReminderSchedule.Input(head.zone(), today, head.prefs(), plan,
                head.planCreatedAt() == null ? null : LocalDate.ofInstant(head.planCreatedAt(), head.zone()), due, tapings);
        List<ReminderDtos.ReminderView> items = ReminderSchedule.between(input, from, to).stream()
                .map(r -> new ReminderDtos.ReminderView(r.at().toOffsetDateTime(), r.at().toLocalDate(),
                        r.at().toLocalTime().toString(), r.kind(),
                        r.kind() == ReminderSchedule.Kind.SESSION ? r.itemIds() : null, r.instrumentId(), r.visitId()))
                .toList();
        return new ReminderDtos.ReminderList(head.zone().getId(), from, to, items);
    }

    /** 400 invalid-date-range: {@code from} after {@code to}, or more than {@link #MAX_DAYS} days. */
    static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw ApiProblem.badRequest("invalid-date-range", "Invalid date range",
                    "from (" + from + ") is after to (" + to + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ApiProblem.badRequest("invalid-date-range", "Invalid date range",
                    "The range covers more than " + MAX_DAYS + " days; ask for a shorter one.");
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(name, "must be a date YYYY-MM-DD");
        }
    }
}
