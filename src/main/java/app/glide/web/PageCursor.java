package app.glide.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Keyset pagination cursor: the sort key and id of the last row of a page, opaque to
 * clients (base64url). Plain Java.
 */
public record PageCursor(String key, String id) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key + '\n' + id).getBytes(StandardCharsets.UTF_8));
    }

    public UUID uuid() {
        return UUID.fromString(id);
    }

    /** Empty for no cursor; 400 for a cursor this API did not produce. */
    public static Optional<PageCursor> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int nl = s.lastIndexOf('\n');
            if (nl < 0) {
                throw new IllegalArgumentException("no separator");
            }
            PageCursor c = new PageCursor(s.substring(0, nl), s.substring(nl + 1));
            return Optional.of(c);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("cursor", "is not a cursor returned by this API");
        }
    }

    public static Optional<PageCursor> decodeUuid(String cursor) {
        Optional<PageCursor> c = decode(cursor);
        c.ifPresent(x -> {
            try {
                x.uuid();
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("cursor", "is not a cursor returned by this API");
            }
        });
        return c;
    }
}
