package app.glide.push.apns;

import app.glide.push.PushSender.Outcome;
import app.glide.push.PushSender.Result;
import java.util.Optional;
import java.util.Set;

/**
 * What one APNs answer means for the outbox (docs/push-providers.md). Plain Java, so every
 * status and reason is checked without a server.
 */
final class ApnsOutcomes {

    /** The device token is not (or no longer) valid for the app: the device row goes. */
    private static final Set<String> DEAD = Set.of("BadDeviceToken", "Unregistered");

    /**
     * APNs is busy or down, or the provider token just expired (Pushy signs a new one for the
     * next request): worth another try later.
     */
    private static final Set<String> TRANSIENT = Set.of("TooManyRequests", "ServiceUnavailable",
            "InternalServerError", "Shutdown", "ExpiredProviderToken");

    private ApnsOutcomes() {
    }

    static Result of(boolean accepted, int status, Optional<String> reason) {
        if (accepted) {
            return Result.sent();
        }
        String detail = "APNs " + status + reason.map(r -> " " + r).orElse("");
        if (status == 410 || reason.filter(DEAD::contains).isPresent()) {
            return new Result(Outcome.DEAD_TOKEN, detail, null);
        }
        if (status == 429 || status >= 500 || reason.filter(TRANSIENT::contains).isPresent()) {
            return new Result(Outcome.RETRY, detail, null);
        }
        return new Result(Outcome.FAILED, detail, null);
    }
}
