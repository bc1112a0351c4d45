package app.glide.language;

import app.glide.web.ApiProblem;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A BCP 47 language tag as we store it ({@code de}, {@code de-AT}, {@code pt-BR},
 * {@code zh-Hant-TW}): a primary language of 2-3 letters, then subtags of 2-8 letters or digits,
 * at most 35 characters (the database's check). Written in the usual case (language lower,
 * region upper, script title case) and compared case-insensitively. A well-formed tag for a
 * language nobody ships is fine: content simply falls back ({@link LanguageChoice}). Plain Java.
 */
public final class LanguageTag {

    public static final int MAX_LENGTH = 35;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private LanguageTag() {
    }

    /** The tag in its usual case, or empty when it is not a language tag we store. */
    public static Optional<String> parse(String tag) {
        if (tag == null || tag.length() > MAX_LENGTH || !FORMAT.matcher(tag).matches()) {
            return Optional.empty();
        }
        String[] parts = tag.split("-");
        StringBuilder out = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            boolean letters = p.chars().allMatch(Character::isLetter);
            out.append('-');
            if (letters && p.length() == 2) {
                out.append(p.toUpperCase(Locale.ROOT));
            } else if (letters && p.length() == 4) {
                out.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1).toLowerCase(Locale.ROOT));
            } else {
                out.append(p.toLowerCase(Locale.ROOT));
            }
        }
        return Optional.of(out.toString());
    }

    /** The tag in its usual case, or 400 {@code invalid-locale} (problem details are English). */
    public static String require(String tag) {
        return parse(tag).orElseThrow(() -> new ApiProblem(400, "invalid-locale", "Invalid locale",
                "'" + (tag == null ? "" : tag.length() > 40 ? tag.substring(0, 40) + "..." : tag)
                        + "' is not a BCP 47 language tag such as de, de-AT or pt-BR (2-3 letters, then subtags of"
                        + " 2-8 letters or digits, at most " + MAX_LENGTH + " characters)."));
    }

    /** The key tags are compared by: lower case. */
    public static String key(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }

    /** The primary language of a tag ({@code de-AT} → {@code de}), lower case. */
    public static String primary(String tag) {
        int dash = tag.indexOf('-');
        return key(dash < 0 ? tag : tag.substring(0, dash));
    }
}
