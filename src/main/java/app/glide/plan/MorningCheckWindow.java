package app.glide.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a session's next-morning check may be answered: from the patient's next local
 * morning ({@link #MORNING}, the day after the session's local date, in the patient's zone),
 * and never sooner than the clinic's minimum hours after the session ended — a check minutes
 * after the session says nothing about whether pain settled overnight. Plain Java.
 */
public final class MorningCheckWindow {

    public static final LocalTime MORNING = LocalTime.of(4, 0);

    private MorningCheckWindow() {
    }

    public static Instant opensAt(Instant sessionEnded, LocalDate sessionDay, ZoneId zone, int minHours) {
        Instant nextMorning = sessionDay.plusDays(1).atTime(MORNING).atZone(zone).toInstant();
        Instant minimum = sessionEnded.plus(Duration.ofHours(minHours));
        return nextMorning.isAfter(minimum) ? nextMorning : minimum;
    }
}
