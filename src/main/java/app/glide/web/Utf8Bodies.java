package app.glide.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * JSON bodies are UTF-8 (RFC 8259 §8.1), and only UTF-8. A {@code charset} parameter other
 * than UTF-8 ({@code charset=bogus}, {@code charset=utf-16}) is refused, and so is a body
 * whose first bytes show another encoding (a UTF-16 or UTF-32 byte order mark, or the zero
 * bytes of UTF-16/32 text): Jackson would otherwise detect and decode it, so what a client
 * sent would be read differently by different parsers on the way. Both are 415
 * {@code unsupported-charset}. Invalid UTF-8 inside a body is the JSON reader's
 * {@code malformed-json}.
 */
@Provider
public class Utf8Bodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext ctx) throws IOException {
        MediaType type = ctx.getMediaType();
        if (type == null || !isJson(type)) {
            return ctx.proceed();
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw refused("The Content-Type names charset \"" + abbreviate(charset)
                    + "\"; send the JSON body in UTF-8 (charset=utf-8, or no charset).");
        }
        PushbackInputStream in = new PushbackInputStream(ctx.getInputStream(), 4);
        byte[] head = new byte[4];
        int n = readUpTo(in, head);
        if (n > 0) {
            in.unread(head, 0, n);
        }
        if (notUtf8(head, n)) {
            throw refused("The request body is not UTF-8 (it looks like UTF-16 or UTF-32); send JSON in UTF-8.");
        }
        ctx.setInputStream(in);
        return ctx.proceed();
    }

    /**
     * True when the first bytes cannot start UTF-8 JSON: a UTF-16/32 byte order mark, or a
     * zero byte (JSON text in UTF-8 has none: a NUL in a string must be escaped, and is then
     * refused by the string rules).
     */
    static boolean notUtf8(byte[] head, int n) {
        if (n >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json");
    }

    private static int readUpTo(InputStream in, byte[] buffer) throws IOException {
        int total = 0;
        while (total < buffer.length) {
            int r = in.read(buffer, total, buffer.length - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        return total;
    }

    private static ApiProblem refused(String detail) {
        return new ApiProblem(415, "unsupported-charset", "Unsupported charset", detail);
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
