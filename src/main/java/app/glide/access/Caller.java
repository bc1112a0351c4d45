package app.glide.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated user of the current request, read from the verified access token. */
@RequestScoped
public class Caller {

    public static final String CLAIM_CLINIC = "clinic_id";
    public static final String CLAIM_ROLE = "role";
    /** The same claim auth/Tokens writes: the refresh-token family the access token belongs to. */
    public static final String CLAIM_SESSION = "sid";

    @Inject
    JsonWebToken jwt;

    public UUID userId() {
        return UUID.fromString(jwt.getSubject());
    }

    public Role role() {
        return Role.valueOf(jwt.getClaim(CLAIM_ROLE));
    }

    public UUID clinicId() {
        return UUID.fromString(jwt.getClaim(CLAIM_CLINIC));
    }

    /** The sign-in session (refresh-token family) of the access token ({@code sid}), or null without one. */
    public UUID sessionId() {
        String sid = jwt.getClaim(CLAIM_SESSION);
        return sid == null ? null : UUID.fromString(sid);
    }

    public boolean is(Role role) {
        return role() == role;
    }
}
