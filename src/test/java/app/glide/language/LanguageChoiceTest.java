package app.glide.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageChoiceTest {

    @Test
    void acceptLanguageByQualityThenHeaderOrder() {
        assertEquals(List.of("fr", "de-at", "en"), LanguageChoice.accepted("en;q=0.5, fr, de-AT;q=0.9"));
        assertEquals(List.of("de", "fr"), LanguageChoice.accepted("de;q=0.8, fr;q=0.8"));
        assertEquals(List.of(), LanguageChoice.accepted(null));
        assertEquals(List.of(), LanguageChoice.accepted(""));
    }

    @Test
    void malformedStarAndZeroQualityEntriesAreIgnored() {
        assertEquals(List.of("de"), LanguageChoice.accepted("*, de, fr;q=0, it;q=abc, ;;, 12-34, es;q=1.5, x_y, pt;foo=1"));
        assertEquals(List.of(), LanguageChoice.accepted("*;q=0.1"));
        assertEquals(List.of(), LanguageChoice.accepted(";;;"));
        assertEquals(List.of(), LanguageChoice.accepted(",,,"));
        assertEquals(List.of("de"), LanguageChoice.accepted(";,de;"));
        assertEquals(List.of(), LanguageChoice.accepted("de".repeat(LanguageChoice.MAX_HEADER)));
        StringBuilder many = new StringBuilder();
        for (char c = 'a'; c <= 'z'; c++) {
            many.append("l").append(c).append(',');
        }
        assertEquals(LanguageChoice.MAX_ENTRIES, LanguageChoice.accepted(many.toString()).size());
    }

    @Test
    void orderIsAcceptTagsWithPrimaryThenPersonThenClinicThenEnglish() {
        assertEquals(List.of("de-at", "de", "fr", "it", "en"),
                LanguageChoice.of("de-AT, fr", "it", "de").order());
        assertEquals(List.of("pt-br", "pt", "es", "en"), LanguageChoice.of(null, "pt-BR", "es").order());
        assertEquals(List.of("en"), LanguageChoice.of("*", null, "en").order());
        assertEquals(List.of("de", "en"), LanguageChoice.stored(null, "de").order());
    }

    @Test
    void pickTakesTheFirstAvailableElseEnglish() {
        Set<String> shipped = Set.of("en", "de");
        assertEquals("de", LanguageChoice.of("de-AT", null, "en").pick(shipped));
        assertEquals("de", LanguageChoice.of("fr", "de", "en").pick(shipped));
        assertEquals("de", LanguageChoice.of("fr", null, "de").pick(shipped));
        assertEquals("en", LanguageChoice.of("fr", "it", "es").pick(shipped));
        assertEquals("en", LanguageChoice.of("en, de", null, "de").pick(shipped));
    }

    @Test
    void eachFieldFallsBackOnItsOwn() {
        Map<String, String> names = Map.of("de", "Brücke", "fr", "Pont");
        Map<String, String> summaries = Map.of("fr", "Résumé");
        LanguageChoice choice = LanguageChoice.of("de", null, "fr");
        assertEquals(new LanguageChoice.Resolved<>("Brücke", "de"), choice.resolve(names::get, "Bridge", "en"));
        assertEquals(new LanguageChoice.Resolved<>("Résumé", "fr"), choice.resolve(summaries::get, "Summary", "en"));
        assertEquals(new LanguageChoice.Resolved<>("Notes", "en"), choice.resolve(Map.<String, String>of()::get, "Notes", "en"));
        // The original's own language counts as having it, before a later translation.
        assertEquals(new LanguageChoice.Resolved<>("Bridge", "en"),
                LanguageChoice.of("en, de", null, null).resolve(names::get, "Bridge", "en"));
        // Original of unknown language: the last resort.
        assertEquals(new LanguageChoice.Resolved<>("Original", null),
                LanguageChoice.of("it", null, null).resolve(names::get, "Original", null));
    }

    @Test
    void fingerprintDiffersByOrder() {
        assertEquals(LanguageChoice.of("de", null, "en").fingerprint(), LanguageChoice.of("de;q=1", null, null).fingerprint());
        assertNotEquals(LanguageChoice.of("de", null, "en").fingerprint(), LanguageChoice.of("fr", null, "en").fingerprint());
    }

    @Test
    void languageTagsAreCheckedAndWrittenInTheUsualCase() {
        assertEquals(Optional.of("de-AT"), LanguageTag.parse("DE-at"));
        assertEquals(Optional.of("zh-Hant-TW"), LanguageTag.parse("zh-hant-tw"));
        assertEquals(Optional.of("es-419"), LanguageTag.parse("es-419"));
        assertEquals(Optional.of("tlh"), LanguageTag.parse("tlh"));
        for (String bad : new String[] {"", "d", "deutsch", "de_AT", "de-", "-de", "de-a", "de-AT-toolongsubtag",
                "de AT", "x-" + "a".repeat(40), "1e"}) {
            assertTrue(LanguageTag.parse(bad).isEmpty(), bad);
        }
        assertEquals("de", LanguageTag.primary("de-AT"));
    }
}
