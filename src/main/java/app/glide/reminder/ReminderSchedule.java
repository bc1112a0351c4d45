package app.glide.reminder;

import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The reminders the phone schedules as local notifications, for the local dates
 * {@code from..to} of the patient's zone. Plain Java.
 *
 * <ul>
 * <li>SESSION: on each day the plan asks for a session ({@code Schedule#isDueOn}: a fixed weekday of
 * an unpaused item, or any day for an item done a number of times per week on days the patient
 * chooses — the app cannot know which days the patient picks, so it is reminded daily), at each
 * reminder time outside the quiet hours (a time inside them is dropped, not moved); nothing while
 * the plan is paused, nothing before the plan's first day.</li>
 * <li>MORNING_CHECK: the morning after each such day, at {@code morningCheckAt} (never in quiet
 * hours: the preferences refuse that).</li>
 * <li>QUESTIONNAIRE: on the day it is due (an overdue one today), at the first audible reminder time,
 * or at {@code morningCheckAt} when there is none.</li>
 * <li>TAPING_REMOVAL: at the tape's {@code wearUntil}, the moment the therapist set (quiet hours do
 * not move it).</li>
 * </ul>
 * A local time becomes an instant with {@link ZonedDateTime#of}: a time in the spring-forward gap is
 * shifted forward by the gap (02:30 becomes 03:30), an ambiguous time on the fall-back day takes the
 * earlier offset (the first 02:30), so each reminder happens once; two times that land on the same
 * instant (02:00 and 03:00 on a spring-forward day in Berlin) make one reminder.
 */
public final class ReminderSchedule {

    public enum Kind {
        SESSION, MORNING_CHECK, QUESTIONNAIRE, TAPING_REMOVAL
    }

    public record Reminder(ZonedDateTime at, Kind kind, List<UUID> itemIds, String instrumentId, UUID visitId) {
    }

    /** A questionnaire due since {@code dueSince} (a local date). */
    public record DueQuestionnaire(String instrumentId, LocalDate dueSince) {
    }

    /** A tape to take off at {@code wearUntil}. */
    public record Taping(UUID visitId, Instant wearUntil) {
    }

    /** What the schedule is made from; {@code plan} null without an active plan. */
    public record Input(ZoneId zone, LocalDate today, ReminderPreferences preferences, PlanContent plan,
                        LocalDate planStartsOn, List<DueQuestionnaire> due, List<Taping> tapings) {
    }

    private ReminderSchedule() {
    }

    public static List<Reminder> between(Input in, LocalDate from, LocalDate to) {
        List<Reminder> out = new ArrayList<>();
        ReminderPreferences prefs = in.preferences();
        List<LocalTime> times = prefs.audibleTimes();
        for (LocalDate day = from.minusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            List<UUID> items = sessionItems(in, day);
            if (items.isEmpty()) {
                continue;
            }
            if (!day.isBefore(from)) {
                for (LocalTime t : times) {
                    out.add(new Reminder(at(day, t, in.zone()), Kind.SESSION, items, null, null));
                }
            }
            LocalDate morning = day.plusDays(1);
            if (!morning.isBefore(from) && !morning.isAfter(to)) {
                out.add(new Reminder(at(morning, prefs.morningCheckAt(), in.zone()), Kind.MORNING_CHECK, List.of(), null,
                        null));
            }
        }
        LocalTime questionnaireAt = times.isEmpty() ? prefs.morningCheckAt() : times.get(0);
        for (DueQuestionnaire d : in.due()) {
            LocalDate day = d.dueSince().isBefore(in.today()) ? in.today() : d.dueSince();
            if (!day.isBefore(from) && !day.isAfter(to)) {
                out.add(new Reminder(at(day, questionnaireAt, in.zone()), Kind.QUESTIONNAIRE, List.of(),
                        d.instrumentId(), null));
            }
        }
        for (Taping t : in.tapings()) {
            ZonedDateTime at = t.wearUntil().atZone(in.zone());
            if (!at.toLocalDate().isBefore(from) && !at.toLocalDate().isAfter(to)) {
                out.add(new Reminder(at, Kind.TAPING_REMOVAL, List.of(), null, t.visitId()));
            }
        }
        return once(out);
    }

    /** The unpaused items the plan asks for on the day, in plan order; none while the plan is paused. */
    static List<UUID> sessionItems(Input in, LocalDate day) {
        PlanContent plan = in.plan();
        if (plan == null || plan.paused() || (in.planStartsOn() != null && day.isBefore(in.planStartsOn()))) {
            return List.of();
        }
        return plan.items().stream().filter(i -> !i.paused() && i.schedule().isDueOn(day)).map(PlanItem::id).toList();
    }

    /** The local time on the day in the zone: forward across a gap, the earlier offset in an overlap. */
    static ZonedDateTime at(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(day, time, zone);
    }

    /** In time order, each (instant, kind, subject) once. */
    private static List<Reminder> once(List<Reminder> all) {
        Set<String> seen = new HashSet<>();
        return all.stream()
                .sorted(Comparator.comparing((Reminder r) -> r.at().toInstant()).thenComparing(Reminder::kind)
                        .thenComparing(r -> r.instrumentId() == null ? "" : r.instrumentId())
                        .thenComparing(r -> r.visitId() == null ? "" : r.visitId().toString()))
                .filter(r -> seen.add(r.at().toInstant() + "|" + r.kind() + "|" + r.instrumentId() + "|" + r.visitId()))
                .toList();
    }
}
