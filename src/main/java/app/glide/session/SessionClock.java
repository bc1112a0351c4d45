package app.glide.session;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Which local time a session's start was, and so which local date it counts for. Plain Java.
 *
 * <ul>
 * <li>A non-zero UTC offset is the phone's local time where the session was done (the
 * patient may be travelling): kept as sent.</li>
 * <li>Offset zero ({@code Z}, {@code +00:00}, or RFC 3339's "offset unknown" {@code -00:00})
 * is taken in the patient's time zone: many clients serialise instants in UTC, and a New
 * York patient's 21:00 session sent as 02:00Z must count for that evening, not the next
 * day. For a patient whose zone really is at +00:00 then (London in winter) the zone gives
 * the same answer, so this is right for everyone.</li>
 * </ul>
 *
 * The offset chosen is what the session stores ({@code utc_offset_minutes}), so every view
 * renders its times as the patient's local times.
 */
public final class SessionClock {

    private SessionClock() {
    }

    public static ZoneOffset localOffset(OffsetDateTime startedAt, ZoneId patientZone) {
        if (startedAt.getOffset().getTotalSeconds() != 0) {
            return startedAt.getOffset();
        }
        return patientZone.getRules().getOffset(startedAt.toInstant());
    }
}
