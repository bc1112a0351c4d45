package app.glide.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import app.glide.config.GlideConfig;
import jakarta.inject.Inject;

/** Bcrypt hashing for staff passwords and enrolment-code secrets. */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 12;

    /** A valid hash of a random string, checked when an account does not exist, so timing does not reveal that. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no-such-account-timing-equaliser", 10);

    @Inject
    GlideConfig config;

    public String hash(String secret) {
        return BcryptUtil.bcryptHash(secret, config.password().bcryptCost());
    }

    public boolean matches(String secret, String hash) {
        return hash != null && BcryptUtil.matches(secret, hash);
    }

    /** Spends the time of one verification without an account to verify against. */
    public void burnVerification(String secret) {
        BcryptUtil.matches(secret, DUMMY_HASH);
    }
}
