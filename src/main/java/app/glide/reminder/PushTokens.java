package app.glide.reminder;

import app.glide.web.ApiProblem;
import java.util.regex.Pattern;

/**
 * The shape of a push token per platform. APNs device tokens are hex: 64 characters today, and
 * Apple says they may grow, so any even length from 64 to 200 is accepted. FCM registration
 * tokens are 100 to 4096 characters of {@code [A-Za-z0-9_:-]}. Plain Java.
 */
public final class PushTokens {

    public enum Platform {
        APNS, FCM
    }

    private static final Pattern APNS = Pattern.compile("[0-9a-fA-F]{64,200}");
    private static final Pattern FCM = Pattern.compile("[A-Za-z0-9_:\\-]{100,4096}");

    private PushTokens() {
    }

    public static boolean valid(Platform platform, String token) {
        return switch (platform) {
            case APNS -> APNS.matcher(token).matches() && token.length() % 2 == 0;
            case FCM -> FCM.matcher(token).matches();
        };
    }

    /** 422 invalid-push-token when the token is not the platform's shape. */
    public static void require(Platform platform, String token) {
        if (!valid(platform, token)) {
            throw new ApiProblem(422, "invalid-push-token", "Push token of the wrong shape",
                    platform == Platform.APNS
                            ? "An APNs device token is hexadecimal, an even number of 64 to 200 characters."
                            : "An FCM registration token is 100 to 4096 characters of letters, digits, '_', ':' and '-'.");
        }
    }
}
