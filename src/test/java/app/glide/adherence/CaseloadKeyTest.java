package app.glide.adherence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.glide.web.ApiProblem;
import app.glide.web.PageCursor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaseloadKeyTest {

    static final UUID ID = UUID.fromString("0b8c2f5e-4f0e-4c1e-9a51-5f8a4c3f2d10");

    @Test
    void aKeySurvivesItsCursor() {
        for (CaseloadKey k : new CaseloadKey[] {
            new CaseloadKey(1, 2, 4, new BigDecimal("0.5714"), Instant.parse("2026-11-27T18:03:04.123456Z"), ID),
            new CaseloadKey(0, 0, 0, null, null, ID),
            new CaseloadKey(0, 0, 1, BigDecimal.ZERO, null, ID)}) {
            assertEquals(k, CaseloadKey.of(PageCursor.decode(k.cursor().encode()).orElseThrow()));
        }
    }

    @Test
    void aKeyThisApiDidNotWriteIsAnInvalidCursor() {
        for (String key : new String[] {"", "1,2,3", "1,2,3,,,", "-1,0,0,,", "a,0,0,,", "0,0,0,1.5,", "0,0,0,-0.1,",
            "0,0,0,x,", "0,0,0,,yesterday", "99999999999,0,0,,"}) {
            ApiProblem p = assertThrows(ApiProblem.class, () -> CaseloadKey.of(new PageCursor(key, ID.toString())), key);
            assertEquals("invalid-cursor", p.slug());
        }
        assertEquals("invalid-cursor", assertThrows(ApiProblem.class,
                () -> CaseloadKey.of(new PageCursor("0,0,0,,", "17"))).slug());
    }

    @Test
    void theParametersTurnEveryPartAscendingWithNullsWhereTheOrderPutsThem() {
        Object[] none = new CaseloadKey(2, 1, 3, null, null, ID).params();
        assertEquals(-2, none[0]);
        assertEquals(-1, none[1]);
        assertEquals(-3, none[2]);
        assertEquals(true, none[3]); // no adherence sorts last
        assertEquals(false, none[5]); // no session sorts first
        Object[] some = new CaseloadKey(0, 0, 0, new BigDecimal("0.25"), Instant.EPOCH.plusSeconds(5), ID).params();
        assertEquals(false, some[3]);
        assertEquals(new BigDecimal("0.25"), some[4]);
        assertEquals(true, some[5]);
        assertEquals(ID, some[7]);
    }
}
