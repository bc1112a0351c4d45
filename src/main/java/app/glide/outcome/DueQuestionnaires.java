package app.glide.outcome;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Which scheduled instruments a patient should answer today, from the schedule and the date of
 * the latest response (patient-local dates). An instrument is due since the earliest of:
 * <ul>
 *   <li>at evaluation: the schedule's start, while nothing was answered yet;</li>
 *   <li>every N days: N days after the latest response (with nothing answered and no evaluation
 *       answer asked for, N days after the start);</li>
 *   <li>at discharge: the signalled discharge date, until a response on or after it;</li>
 * </ul>
 * as long as that date is today or earlier. A response clears all three: the next one counts from
 * it. Plain Java.
 */
public final class DueQuestionnaires {

    /** One instrument's schedule and the local date of its latest response ({@code null}: none). */
    public record ScheduleState(String instrumentId, boolean atEvaluation, Integer everyDays, boolean atDischarge,
                                LocalDate startsOn, LocalDate dischargeOn, LocalDate lastAnswered) {
    }

    /**
     * A due instrument, and since when; {@code wording}: which wording the phone is shown
     * ({@code "<language>@<loaded at>"}, or {@code null} for the structure's own texts), so that
     * the plan's ETag changes when a clinic loads a wording.
     */
    public record Due(String instrumentId, LocalDate dueSince, String wording) {

        public Due(String instrumentId, LocalDate dueSince) {
            this(instrumentId, dueSince, null);
        }

        /** The language of the wording shown, or {@code null} for the structure's own texts. */
        public String wordingLanguage() {
            return wording == null ? null : wording.substring(0, wording.indexOf('@'));
        }
    }

    private DueQuestionnaires() {
    }

    public static Optional<LocalDate> dueSince(ScheduleState s, LocalDate today) {
        List<LocalDate> from = new ArrayList<>();
        LocalDate last = s.lastAnswered();
        if (s.atEvaluation() && last == null) {
            from.add(s.startsOn());
        }
        if (s.everyDays() != null) {
            LocalDate anchor = last != null ? last : s.atEvaluation() ? null : s.startsOn();
            if (anchor != null) {
                from.add(anchor.plusDays(s.everyDays()));
            }
        }
        if (s.atDischarge() && s.dischargeOn() != null && (last == null || last.isBefore(s.dischargeOn()))) {
            from.add(s.dischargeOn());
        }
        return from.stream().min(Comparator.naturalOrder()).filter(d -> !d.isAfter(today));
    }

    /** The due instruments, oldest first (then by id). */
    public static List<Due> due(List<ScheduleState> schedules, LocalDate today) {
        return schedules.stream()
                .flatMap(s -> dueSince(s, today).map(d -> new Due(s.instrumentId(), d)).stream())
                .sorted(Comparator.comparing(Due::dueSince).thenComparing(Due::instrumentId))
                .toList();
    }

    /** A short, stable fingerprint of the due set ({@code null} when nothing is due), for the plan's ETag. */
    public static String fingerprint(List<Due> due) {
        if (due.isEmpty()) {
            return null;
        }
        CRC32 crc = new CRC32();
        StringBuilder all = new StringBuilder();
        due.forEach(d -> all.append(d.instrumentId()).append('@').append(d.dueSince()).append('@').append(d.wording())
                .append('|'));
        crc.update(all.toString().getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }
}
