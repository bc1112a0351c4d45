package app.glide.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Keyset pagination cursor: the sort key and id of the last row of a page, opaque to
 * clients (base64url). The one way every list decodes its cursor: anything this API did not
 * produce (not base64url, not UTF-8, no separator, a NUL, a key or id of the wrong kind) is
 * the same 400 {@code invalid-cursor}, never an error further down. Plain Java.
 */
public record PageCursor(String key, String id) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public String encode() {
        return encodeText(key + '\n' + id);
    }

    /** The id as a UUID, or 400 invalid-cursor. */
    public UUID uuid() {
        try {
            UUID u = UUID.fromString(id);
            if (!u.toString().equals(id.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not canonical");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The key as an instant (lists ordered by a time), or 400 invalid-cursor. */
    public Instant instant() {
        try {
            return Instant.parse(key);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /** The id as a non-negative long (lists ordered by a sequence), or 400 invalid-cursor. */
    public long longId() {
        try {
            long v = Long.parseLong(id);
            if (v < 0) {
                throw invalid();
            }
            return v;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** The id as a non-negative int (revisions), or 400 invalid-cursor. */
    public int intId() {
        long v = longId();
        if (v > Integer.MAX_VALUE) {
            throw invalid();
        }
        return (int) v;
    }

    /** Empty for no cursor; 400 invalid-cursor for a cursor this API did not produce. */
    public static Optional<PageCursor> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        String s = decodeText(cursor);
        int nl = s.lastIndexOf('\n');
        if (nl < 0) {
            throw invalid();
        }
        return Optional.of(new PageCursor(s.substring(0, nl), s.substring(nl + 1)));
    }

    /** As {@link #decode}, for lists whose cursor id is a UUID (checked at once). */
    public static Optional<PageCursor> decodeUuid(String cursor) {
        Optional<PageCursor> c = decode(cursor);
        c.ifPresent(PageCursor::uuid);
        return c;
    }

    public static ApiProblem invalid() {
        return new ApiProblem(400, "invalid-cursor", "Invalid cursor",
                "The cursor is not one this API returned for this list; start again from the first page (no cursor).",
                List.of(new ApiProblem.FieldError("cursor", "is not a cursor returned by this API")), null);
    }

    private static String encodeText(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Base64url of strict UTF-8 text that {@link Text} accepts, or 400 invalid-cursor. */
    private static String decodeText(String cursor) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (Text.problem(s) != null) {
                throw invalid();
            }
            return s;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid();
        }
    }
}
