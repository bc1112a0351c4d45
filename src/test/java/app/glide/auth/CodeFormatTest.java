package app.glide.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeFormatTest {

    @Test
    void generatedCodesHaveTheDocumentedShapeAndParseBack() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            CodeFormat.Parts p = CodeFormat.generate();
            assertTrue(p.display().matches("[2-9A-Z]{4}-[2-9A-Z]{6}"), p.display());
            assertTrue(p.display().chars().noneMatch(c -> "01ILOUV".indexOf(c) >= 0), p.display());
            assertEquals(p, CodeFormat.parse(p.display()).orElseThrow());
            seen.add(p.display());
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void typingIsForgiving() {
        assertEquals(new CodeFormat.Parts("K7PQ", "X9M2T4"), CodeFormat.parse(" k7pq x9m2-t4 ").orElseThrow());
    }

    @Test
    void impossibleInputIsRejected() {
        assertTrue(CodeFormat.parse(null).isEmpty());
        assertTrue(CodeFormat.parse("K7PQ-X9M2T").isEmpty());
        assertTrue(CodeFormat.parse("K7PQ-X9M2T44").isEmpty());
        assertTrue(CodeFormat.parse("K0PQ-X9M2T4").isEmpty());
        assertNotEquals(CodeFormat.parse("K7PQ-X9M2T4"), CodeFormat.parse("K7PQ-X9M2T5"));
    }
}
