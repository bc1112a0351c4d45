package app.glide.suggestion;

import app.glide.visit.SorenessWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A patient's expected-soreness windows (after dry needling or manual therapy in the clinic),
 * described for the rules' reasons in the patient's own zone: "after dry needling on 2 Dec
 * 10:00, until 4 Dec 10:00". Plain Java.
 */
final class SorenessNotes {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final List<SorenessWindow> windows;
    private final ZoneId zone;

    SorenessNotes(List<SorenessWindow> windows, ZoneId zone) {
        this.windows = windows;
        this.zone = zone;
    }

    /** The window {@code at} falls in (start inclusive, end exclusive), described; null when none does. */
    String covering(Instant at) {
        // The one ending last, when windows overlap: it is the one that still applies longest.
        return windows.stream().filter(w -> w.contains(at))
                .max((a, b) -> a.end().compareTo(b.end())).map(this::describe).orElse(null);
    }

    String describe(SorenessWindow w) {
        return "after " + w.interventionType().toLowerCase(Locale.ROOT).replace('_', ' ') + " on "
                + AT.format(w.start().atZone(zone)) + ", until " + AT.format(w.end().atZone(zone));
    }
}
