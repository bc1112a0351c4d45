package app.glide.visit;

import java.time.Instant;
import java.util.UUID;

/**
 * After dry needling or manual therapy, the time in which soreness is expected:
 * [{@code start}, {@code end}), the intervention's time plus the clinic's soreness window.
 */
public record SorenessWindow(Instant start, Instant end, String interventionType, UUID visitId) {

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
