package app.glide.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a staff password must be, wherever one is set (therapist creation, the bootstrap
 * admin, password change and reset). Plain Java.
 *
 * <ul>
 *   <li>At least 12 characters (Unicode code points).</li>
 *   <li>At most 72 bytes in UTF-8: bcrypt reads only the first 72 bytes, so a longer
 *       password would log in with any ending. Refusing is simpler and more honest than
 *       pre-hashing (which would need a second hash format and a migration of every stored
 *       hash); 72 bytes are 72 plain letters, or a passphrase of 10 or more words.</li>
 *   <li>No control characters (NUL, line breaks, tabs…) and no broken UTF-16.</li>
 *   <li>Not one of the 10,000 most common leaked passwords (resources/auth/common-passwords.txt),
 *       ignoring case, and not such a password with digits or symbols around it
 *       ({@code password1234}, {@code !!monkey2024}).</li>
 *   <li>Not the account's email address, and not built on the part before the {@code @}
 *       (when that has 4 or more characters): without it, 12 characters must remain.</li>
 *   <li>Not trivial: at least 5 different characters, and not a run along the alphabet, the
 *       digits or a keyboard row ({@code abcdefghijkl}, {@code 987654321098}, {@code qwertyuiopas}).</li>
 * </ul>
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    static final int MIN_DISTINCT = 5;
    static final int MIN_LOCAL_PART = 4;

    private static final Set<String> COMMON = load("/auth/common-passwords.txt");

    private static final String[] RUNS = {
        "abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm",
        "qwertyuiopasdfghjklzxcvbnm", "qwertzuiop", "yxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0",
    };

    private PasswordPolicy() {
    }

    /** Why the password may not be used, as a sentence for the user; empty when it is fine. */
    public static Optional<String> problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("The password must not contain control characters (such as NUL, tabs or line breaks).");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == password.length() || !Character.isLowSurrogate(password.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(password.charAt(i - 1)))) {
                return Optional.of("The password is not valid text (a broken Unicode character).");
            }
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("The password must have at least " + MIN_LENGTH + " characters; it has " + length + ".");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of("The password must be at most " + MAX_BYTES + " bytes in UTF-8 (it has " + bytes
                    + "; letters outside A-Z take 2 to 4 bytes each): longer passwords are not fully checked.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null && !email.isBlank()) {
            String mail = email.strip().toLowerCase(Locale.ROOT);
            if (lower.equals(mail)) {
                return Optional.of("The password must not be the email address.");
            }
            int at = mail.indexOf('@');
            String local = at < 0 ? mail : mail.substring(0, at);
            // The name part adds nothing an attacker would not try first: without it, what is
            // left must still be long enough ("bench-admin-password" for admin@… is fine,
            // "ada.lovelace2024" for ada.lovelace@… is not).
            if (local.length() >= MIN_LOCAL_PART && lower.contains(local)) {
                String rest = lower.replace(local, "");
                if (rest.codePointCount(0, rest.length()) < MIN_LENGTH) {
                    return Optional.of("The password must not be built on the name part of the email address ("
                            + local + "): without it, at least " + MIN_LENGTH + " characters must remain.");
                }
            }
        }
        if (lower.codePoints().distinct().count() < MIN_DISTINCT) {
            return Optional.of("The password must use at least " + MIN_DISTINCT + " different characters.");
        }
        if (isRun(lower)) {
            return Optional.of("The password must not be a sequence of letters, digits or keys in a row.");
        }
        if (isCommon(lower)) {
            return Optional.of("This password is too common: it is on lists of leaked passwords that attackers try first.");
        }
        return Optional.empty();
    }

    static boolean isCommon(String lower) {
        if (COMMON.contains(lower)) {
            return true;
        }
        // The same with digits, symbols or spaces around it: "password1234", "!!monkey2024".
        int from = 0;
        int to = lower.length();
        while (from < to && !Character.isLetter(lower.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetter(lower.charAt(to - 1))) {
            to--;
        }
        String core = lower.substring(from, to);
        return core.length() >= 4 && core.length() < lower.length() && COMMON.contains(core);
    }

    static boolean isRun(String lower) {
        for (String run : RUNS) {
            String forward = run.repeat(3);
            String backward = new StringBuilder(forward).reverse().toString();
            if (forward.contains(lower) || backward.contains(lower)) {
                return true;
            }
        }
        return false;
    }

    static int commonCount() {
        return COMMON.size();
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>(16_384);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
