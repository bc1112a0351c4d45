package app.glide.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The configured {@link PushSender} of a platform: the first bean whose {@code platform()} is it
 * and whose {@code configured()} is true; none (no bean, or no credentials) leaves the rows of
 * that platform's devices in the outbox.
 */
@ApplicationScoped
public class PushSenders {

    @Inject
    @Any
    Instance<PushSender> senders;

    public Optional<PushSender> of(PushSender.Platform platform) {
        for (PushSender s : senders) {
            if (s.platform() == platform && s.configured()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
