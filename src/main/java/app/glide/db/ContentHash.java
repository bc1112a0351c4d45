package app.glide.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of a text (UTF-8): what idempotent writes store of a canonical JSON body to tell a
 * replay from a change, and what is stored of a token instead of the token.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
