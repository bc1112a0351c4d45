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

    public boolean is(Role role) {
        return role() == role;
    }
}
