package app.glide.auth;

import java.util.UUID;

/**
 * A user logged out of one session ({@code sessionId}: the refresh-token family, the access
 * token's {@code sid}). Fired synchronously inside the logout's transaction, so what observers
 * remove (the session's devices) goes with the revocation or not at all.
 */
public record LoggedOut(UUID userId, UUID sessionId) {
}
