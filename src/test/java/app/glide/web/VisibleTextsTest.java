package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which free texts say something (plain Java): the rule behind {@link VisibleText} and the trimming of stored text. */
class VisibleTextsTest {

    /** No-break, figure, narrow no-break, ideographic and zero-width spaces, BOM, word joiner, tab, Hangul filler. */
    static final List<String> INVISIBLE = List.of("", " ", "\u00a0", "\u2007", "\u202f", "\u3000", "\u200b", "\ufeff",
            "\u2060", "\t\r\n", "\u3164", "\u00a0\u200b \u3000");

    @Test
    void textsOfOnlyInvisibleCharactersAreBlank() {
        for (String s : INVISIBLE) {
            assertFalse(VisibleTexts.hasVisible(s), escaped(s));
            assertFalse(s.matches(VisibleTexts.VISIBLE), "the @VisibleText pattern: " + escaped(s));
            assertNull(VisibleTexts.trimmed(s), escaped(s));
        }
        assertNull(VisibleTexts.trimmed(null));
    }

    @Test
    void anyVisibleCharacterCounts() {
        for (String s : List.of("x", "\u00a0Läuft\u00a0", "\u200b5\u200b", "腰痛", "\ud83d\ude00", "a\nb")) {
            assertTrue(VisibleTexts.hasVisible(s), escaped(s));
            assertTrue(s.matches(VisibleTexts.VISIBLE), "the @VisibleText pattern: " + escaped(s));
        }
        assertEquals("Läuft", VisibleTexts.trimmed("\u00a0\u200b Läuft\u3000"));
        assertEquals("two\u00a0words", VisibleTexts.trimmed(" two\u00a0words "), "inner spaces are kept");
    }

    static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(String.format("U+%04X ", c)));
        return b.toString();
    }
}
