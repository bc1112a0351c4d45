package app.glide.reminder;

import app.glide.web.ApiProblem;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;

/**
 * The preferences a patient may save, from a body whose times Bean Validation already checked
 * ("HH:mm"): reminder times distinct (400 naming the field), quiet hours that leave part of the
 * day (start equal to end covers all 24 hours: 422 quiet-hours-cover-whole-day), and a morning
 * check outside the quiet hours (422 morning-check-in-quiet-hours), so every day keeps a time a
 * reminder can sound. Plain Java.
 */
public final class PreferenceRules {

    private PreferenceRules() {
    }

    public static ReminderPreferences of(ReminderDtos.PreferencesBody body) {
        List<LocalTime> times = body.reminderTimes().stream().map(LocalTime::parse).toList();
        if (new HashSet<>(times).size() != times.size()) {
            throw ApiProblem.invalidField("reminderTimes", "must be distinct");
        }
        ReminderPreferences.QuietHours quiet = body.quietHours() == null ? null
                : new ReminderPreferences.QuietHours(LocalTime.parse(body.quietHours().start()),
                        LocalTime.parse(body.quietHours().end()));
        if (quiet != null && quiet.coversWholeDay()) {
            throw ApiProblem.unprocessable("quiet-hours-cover-whole-day", "Quiet hours cover the whole day",
                    "Quiet hours from " + quiet.start() + " to " + quiet.end() + " leave no time for a reminder;"
                            + " make them shorter (start and end must differ).");
        }
        LocalTime morning = LocalTime.parse(body.morningCheckAt());
        ReminderPreferences prefs = new ReminderPreferences(times, quiet,
                body.nudgeIfNotLoggedBy() == null ? null : LocalTime.parse(body.nudgeIfNotLoggedBy()), morning);
        if (prefs.quiet(morning)) {
            throw ApiProblem.unprocessable("morning-check-in-quiet-hours", "Morning check inside quiet hours",
                    "The morning check at " + morning + " falls inside the quiet hours (" + quiet.start() + " to "
                            + quiet.end() + "); choose a time outside them.");
        }
        return prefs;
    }

    public static ReminderDtos.PreferencesBody body(ReminderPreferences p) {
        return new ReminderDtos.PreferencesBody(p.reminderTimes().stream().map(LocalTime::toString).toList(),
                p.quietHours() == null ? null
                        : new ReminderDtos.QuietHoursBody(p.quietHours().start().toString(), p.quietHours().end().toString()),
                p.nudgeIfNotLoggedBy() == null ? null : p.nudgeIfNotLoggedBy().toString(), p.morningCheckAt().toString());
    }
}
