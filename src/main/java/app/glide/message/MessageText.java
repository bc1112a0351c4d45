package app.glide.message;

import app.glide.web.ApiProblem;
import app.glide.web.Text;
import app.glide.web.VisibleTexts;

/**
 * What a message body may be: 1 to {@link #MAX_LENGTH} characters (Unicode code points, as the
 * database and the contract count them), at least one visible character, no NUL or unpaired
 * surrogate ({@link Text}). Stored exactly as sent, never trimmed, never rendered as HTML by the
 * service. Visible as {@link VisibleTexts} has it. Plain Java.
 */
public final class MessageText {

    public static final int MAX_LENGTH = 2000;


    private MessageText() {
    }

    /** Null when the body may be stored; else why not. */
    public static String problem(String body) {
        if (body == null) {
            return "must not be null";
        }
        String text = Text.problem(body);
        if (text != null) {
            return text;
        }
        if (body.codePointCount(0, body.length()) > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (!VisibleTexts.hasVisible(body)) {
            return VisibleTexts.VISIBLE_MESSAGE;
        }
        return null;
    }

    /** 400 validation naming {@code body}, before any transaction starts. */
    public static void check(String body) {
        String p = problem(body);
        if (p != null) {
            throw ApiProblem.invalidField("body", p);
        }
    }
}
