package app.glide.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.glide.web.ApiProblem;
import app.glide.web.PageCursor;
import app.glide.web.Text;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The text the API stores, and the cursor decoding that relies on it (plain Java). */
class TextRulesTest {

    @Test
    void anyUnicodeButNulAndUnpairedSurrogates() {
        assertNull(Text.problem("Zoë O'Neil 🙂 \t\n"));
        assertNull(Text.problem(null));
        assertEquals(Text.NUL_MESSAGE, Text.problem("a\u0000b"));
        assertEquals(Text.SURROGATE_MESSAGE, Text.problem("a\uD800"));
        assertEquals(Text.SURROGATE_MESSAGE, Text.problem("\uDC00a"));
        assertEquals(Text.SURROGATE_MESSAGE, Text.problem("\uD83D\uD83D"));
    }

    static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyMalformedCursorIsTheSameInvalidCursorProblem() {
        String id = UUID.randomUUID().toString();
        for (String bad : new String[] {"!!!", cursor("no separator"), cursor("a\u0000b\n" + id),
                Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28, '\n', 'x'})}) {
            ApiProblem p = assertThrows(ApiProblem.class, () -> PageCursor.decode(bad));
            assertEquals("invalid-cursor", p.slug());
            assertEquals(400, p.status());
        }
        assertEquals("invalid-cursor", assertThrows(ApiProblem.class,
                () -> PageCursor.decode(cursor("yesterday\n" + id)).orElseThrow().instant()).slug());
        assertEquals("invalid-cursor", assertThrows(ApiProblem.class,
                () -> PageCursor.decode(cursor("\n99999999999999999999")).orElseThrow().longId()).slug());
        assertEquals("invalid-cursor", assertThrows(ApiProblem.class,
                () -> PageCursor.decode(cursor("\n-1")).orElseThrow().intId()).slug());
        assertEquals("invalid-cursor", assertThrows(ApiProblem.class, () -> PageCursor.decodeUuid(cursor("k\n1-1-1-1-1"))).slug());
    }
}
