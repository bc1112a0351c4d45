package app.glide.web;

import java.util.regex.Pattern;

/**
 * Required free texts (visit texts, messages) must hold at least one visible character, so a
 * reason of only no-break spaces, zero-width spaces or control characters is as blank as an
 * empty one ({@code @NotBlank} and {@link String#strip()} only know ASCII-style white space).
 * Plain Java.
 */
public final class VisibleTexts {

    /** White space of every kind (U+00A0, U+2007, U+202F, U+3000 ...), controls, format characters and blank fillers. */
    public static final String INVISIBLE = "\\p{IsWhite_Space}\\p{Z}\\p{Cc}\\p{Cf}\\u034F\\u115F\\u1160\\u2800\\u3164\\uFFA0";

    /** For {@code @Pattern}: the text holds a visible character. */
    public static final String VISIBLE = "(?s).*[^" + INVISIBLE + "].*";

    public static final String VISIBLE_MESSAGE = "must contain a visible character";

    private static final Pattern ONE_VISIBLE = Pattern.compile("[^" + INVISIBLE + "]");
    private static final Pattern EDGES = Pattern.compile("^[" + INVISIBLE + "]+|[" + INVISIBLE + "]+$");

    private VisibleTexts() {
    }

    public static boolean hasVisible(String s) {
        return s != null && ONE_VISIBLE.matcher(s).find();
    }

    /** {@code s} without invisible characters at either end; null when nothing visible is left. */
    public static String trimmed(String s) {
        return hasVisible(s) ? EDGES.matcher(s).replaceAll("") : null;
    }
}
