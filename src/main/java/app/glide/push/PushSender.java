package app.glide.push;

import java.time.Duration;
import java.util.Map;

/**
 * One push provider (APNs or FCM HTTP v1). Implementations are CDI beans; the outbox dispatcher
 * picks the one for a device's platform. A provider's answer is a {@link Result}, never an
 * exception: the dispatcher decides to retry, drop the token or give up.
 */
public interface PushSender {

    enum Platform {
        APNS, FCM
    }

    /** What the provider said about one notification. */
    enum Outcome {
        /** Accepted by the provider. */
        SENT,
        /** Try again later (provider busy or down, throttled, network error); {@code retryAfter} when it said so. */
        RETRY,
        /** The token is no longer valid (APNs 410 / BadDeviceToken / Unregistered, FCM UNREGISTERED): remove the device. */
        DEAD_TOKEN,
        /** Refused for good (bad request, payload too large, auth misconfigured): no retry. */
        FAILED
    }

    record Result(Outcome outcome, String detail, Duration retryAfter) {

        public static Result sent() {
            return new Result(Outcome.SENT, null, null);
        }
    }

    /**
     * A notification without health details: a fixed title and body ("You have a new message")
     * and ids for the app to fetch what it is about.
     *
     * @param kind what happened (MESSAGE, PLAN_REVISED, QUESTIONNAIRE_DUE, NUDGE, CARE_INSTRUCTION)
     * @param data small string map for the app (for example {"kind": "MESSAGE", "messageId": "…"})
     * @param urgent sent inside quiet hours too (high priority on the provider)
     */
    record PushMessage(String kind, String title, String body, Map<String, String> data, boolean urgent) {
    }

    Platform platform();

    /** Whether this provider is configured (credentials present); without it pushes stay in the outbox. */
    boolean configured();

    Result send(String pushToken, PushMessage message);
}
