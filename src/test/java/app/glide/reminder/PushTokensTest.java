package app.glide.reminder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.reminder.PushTokens.Platform;
import org.junit.jupiter.api.Test;

class PushTokensTest {

    @Test
    void apnsTokensAreEvenLengthHexFrom64To200() {
        assertTrue(PushTokens.valid(Platform.APNS, "a1".repeat(32)));
        assertTrue(PushTokens.valid(Platform.APNS, "A1".repeat(100)));
        assertFalse(PushTokens.valid(Platform.APNS, "a1".repeat(31)));
        assertFalse(PushTokens.valid(Platform.APNS, "a1".repeat(32) + "f"));
        assertFalse(PushTokens.valid(Platform.APNS, "a1".repeat(101)));
        assertFalse(PushTokens.valid(Platform.APNS, "g1".repeat(32)));
    }

    @Test
    void fcmTokensAre100To4096OfTheirAlphabet() {
        assertTrue(PushTokens.valid(Platform.FCM, "dK3_:-".repeat(17)));
        assertTrue(PushTokens.valid(Platform.FCM, "x".repeat(4096)));
        assertFalse(PushTokens.valid(Platform.FCM, "x".repeat(99)));
        assertFalse(PushTokens.valid(Platform.FCM, "x".repeat(4097)));
        assertFalse(PushTokens.valid(Platform.FCM, "x".repeat(100) + " "));
        assertFalse(PushTokens.valid(Platform.FCM, "x".repeat(100) + "/"));
    }
}
