package app.glide.reminder;

import java.time.LocalTime;
import java.util.List;

/**
 * When the patient wants to be reminded, in local times of the patient's zone: a session
 * reminder at each of {@code reminderTimes} on the days the plan asks for a session, nothing
 * inside {@code quietHours} (may wrap midnight; {@code null}: none), the next-morning check at
 * {@code morningCheckAt}, and "nudge me if I haven't logged by" {@code nudgeIfNotLoggedBy}
 * (stored for server push; {@code null}: no nudge). Plain Java.
 */
public record ReminderPreferences(List<LocalTime> reminderTimes, QuietHours quietHours, LocalTime nudgeIfNotLoggedBy,
                                  LocalTime morningCheckAt) {

    public static final int MAX_REMINDER_TIMES = 6;

    /** What a patient who never saved preferences gets. */
    public static final ReminderPreferences DEFAULT = new ReminderPreferences(List.of(LocalTime.of(18, 0)),
            new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)), null, LocalTime.of(8, 0));

    public ReminderPreferences {
        reminderTimes = reminderTimes.stream().sorted().toList();
    }

    /** From {@code start} (inclusive) to {@code end} (exclusive); wraps midnight when end is before start. */
    public record QuietHours(LocalTime start, LocalTime end) {

        public boolean coversWholeDay() {
            return start.equals(end);
        }

        public boolean contains(LocalTime t) {
            if (start.isBefore(end)) {
                return !t.isBefore(start) && t.isBefore(end);
            }
            return !t.isBefore(start) || t.isBefore(end);
        }
    }

    public boolean quiet(LocalTime t) {
        return quietHours != null && quietHours.contains(t);
    }

    /** The reminder times outside the quiet hours, earliest first. */
    public List<LocalTime> audibleTimes() {
        return reminderTimes.stream().filter(t -> !quiet(t)).toList();
    }
}
