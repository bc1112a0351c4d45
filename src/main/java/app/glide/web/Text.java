package app.glide.web;

/**
 * What text the API stores: any Unicode except the NUL character (PostgreSQL text cannot
 * hold it) and unpaired UTF-16 surrogates (they are not characters and have no UTF-8 form).
 * Applied to every string of every JSON body ({@link JsonSettings}), to query and path
 * parameters ({@link RequestText}) and to cursor keys ({@link PageCursor}). Plain Java.
 */
public final class Text {

    public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";
    public static final String SURROGATE_MESSAGE = "must be valid Unicode text (it holds an unpaired surrogate)";

    private Text() {
    }

    /** Null when {@code s} may be stored; else the message saying why not. */
    public static String problem(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                return NUL_MESSAGE;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return SURROGATE_MESSAGE;
            }
            if (Character.isLowSurrogate(c)) {
                return SURROGATE_MESSAGE;
            }
        }
        return null;
    }
}
