package app.glide.session;

import java.util.UUID;

/** What a session id from the app may be: a UUID the app generated, never the nil UUID (a default, not an id). */
final class SessionIds {

    static final String NIL_MESSAGE = "must be a UUID the app generated for this session, not the nil UUID";
    private static final UUID NIL = new UUID(0, 0);

    private SessionIds() {
    }

    static boolean isNil(UUID id) {
        return NIL.equals(id);
    }
}
