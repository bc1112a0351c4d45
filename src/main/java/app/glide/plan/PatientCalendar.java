package app.glide.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The patient's calendar: "today" and weeks are the patient's local ones, whatever the
 * server's zone or UTC says. Plain Java.
 */
public final class PatientCalendar {

    private PatientCalendar() {
    }

    public static LocalDate today(Instant now, String zone) {
        return LocalDate.ofInstant(now, ZoneId.of(zone));
    }

    /** Monday of the week the date falls in (weeks run Monday to Sunday). */
    public static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
