package app.glide.session;

import app.glide.session.SessionDtos.SessionRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical body of a session, whose SHA-256 is stored with it: a replay under the same id
 * is the same session exactly when the hashes are equal. Plain Java; the caller renders the
 * canonical map as JSON with the application's mapper (as every stored hash was made).
 */
public final class SessionHash {

    private SessionHash() {
    }

    /** What identifies the body, in a fixed order; times as instants plus offsets. */
    public static Map<String, Object> canonical(SessionRequest r) {
        // Times as instants plus offsets, so "08:00+01:00" and "08:00:00.000+01:00" are the same session.
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("planId", r.planId());
        canonical.put("planRevision", r.planRevision());
        canonical.put("startedAt", r.startedAt().toInstant() + "@" + r.startedAt().getOffset());
        canonical.put("endedAt", r.endedAt().toInstant() + "@" + r.endedAt().getOffset());
        canonical.put("pain", List.of(r.painBefore(), r.painPeak(), r.painAfter(), r.difficulty()));
        canonical.put("symptomExtent", r.symptomExtent());
        canonical.put("items", r.items());
        canonical.put("note", r.note());
        return canonical;
    }
}
