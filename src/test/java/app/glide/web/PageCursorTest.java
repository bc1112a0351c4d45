package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void roundTripsKeysWithAnyCharacters() {
        PageCursor c = new PageCursor("zoë o'neil\nsecond line", UUID.randomUUID().toString());
        assertEquals(c, PageCursor.decodeUuid(c.encode()).orElseThrow());
    }

    @Test
    void absentCursorMeansFirstPage() {
        assertTrue(PageCursor.decode(null).isEmpty());
        assertTrue(PageCursor.decode("").isEmpty());
    }

    @Test
    void forgedCursorsAreClientErrors() {
        ApiProblem p = assertThrows(ApiProblem.class, () -> PageCursor.decodeUuid("!!!"));
        assertEquals(400, p.status());
        assertThrows(ApiProblem.class, () -> PageCursor.decodeUuid("bm9wZQ"));
    }
}
