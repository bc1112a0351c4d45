package app.glide.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RuleTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z]+}");

    @Test
    void everyKeyExistsInEveryShippedLanguageWithTheSamePlaceholders() {
        for (String language : RuleTexts.SHIPPED) {
            assertEquals(RuleTexts.keys("en"), RuleTexts.keys(language), language);
            for (String key : RuleTexts.keys(language)) {
                String text = RuleTexts.text(language, key);
                assertFalse(text.isBlank(), language + " " + key);
                assertEquals(placeholders(RuleTexts.text("en", key)), placeholders(text), language + " " + key);
            }
        }
    }

    @Test
    void germanIsGermanAndUtf8() {
        assertTrue(RuleTexts.text("de", "stop.redFlag.message").contains("können"));
        assertNotEquals(RuleTexts.text("en", "flare.recovered"), RuleTexts.text("de", "flare.recovered"));
        assertEquals("Notruf wählen (112)", RuleTexts.text("de", "stop.callEmergency", Map.of("number", "112")));
        // Anything not shipped gets English.
        assertEquals(RuleTexts.text("en", "stop.callClinic"), RuleTexts.text("fr", "stop.callClinic"));
        assertEquals("de", RuleTexts.language(LanguageChoice.of("de-CH", null, null)));
        assertEquals("en", RuleTexts.language(LanguageChoice.of("fr", null, null)));
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
