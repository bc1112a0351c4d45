package app.glide.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the dummy hash exists ({@link Passwords}): before it, a login with an unknown
 * email would take longer than one with a known email (it waits for the hash), a timing signal
 * that tells which accounts exist. If making it failed, the replica never becomes ready (the
 * failure is visible) instead of answering unknown emails with a 500 that known ones do not get.
 */
@Readiness
@ApplicationScoped
public class PasswordVerifierReadiness implements HealthCheck {

    @Inject
    Passwords passwords;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("password-verifier").status(passwords.dummyHashReady()).build();
    }
}
