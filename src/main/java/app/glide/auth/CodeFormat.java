package app.glide.auth;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The shape of enrolment codes: {@code LLLL-SSSSSS}, a 4-character lookup and a
 * 6-character secret from an alphabet without look-alikes (no 0/O, 1/I/L, U/V).
 * Typed input is forgiving: case, spaces and dashes are ignored. Plain Java.
 */
public final class CodeFormat {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    static final int LOOKUP_LENGTH = 4;
    static final int SECRET_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CodeFormat() {
    }

    public record Parts(String lookup, String secret) {
        public String display() {
            return lookup + "-" + secret;
        }
    }

    public static Parts generate() {
        return new Parts(random(LOOKUP_LENGTH), random(SECRET_LENGTH));
    }

    /** The code's parts, or empty when the input cannot be a code at all. */
    public static Optional<Parts> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (s.length() != LOOKUP_LENGTH + SECRET_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new Parts(s.substring(0, LOOKUP_LENGTH), s.substring(LOOKUP_LENGTH)));
    }

    private static String random(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
