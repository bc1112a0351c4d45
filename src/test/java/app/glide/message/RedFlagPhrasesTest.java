package app.glide.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The matcher against the phrase list V18 seeds (read from the migration itself, so the table
 * and this test cannot drift apart). Plain Java, no Quarkus.
 */
class RedFlagPhrasesTest {

    static final RedFlagPhrases SEEDED = new RedFlagPhrases(seeded());

    static List<RedFlagPhrases.Phrase> seeded() {
        try {
            String sql = Files.readString(Path.of("src/main/resources/db/migration/V18__messages.sql"));
            Matcher m = Pattern.compile("\\('(en|de)', '([^']+)', '([A-Z_]+)'\\)").matcher(sql);
            List<RedFlagPhrases.Phrase> out = new ArrayList<>();
            while (m.find()) {
                out.add(new RedFlagPhrases.Phrase(m.group(1), m.group(2), m.group(3)));
            }
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theMigrationSeedsBothLanguagesAndEverySymptom() {
        List<RedFlagPhrases.Phrase> all = seeded();
        for (String language : List.of("en", "de")) {
            for (String symptom : List.of("SADDLE_NUMBNESS", "BLADDER_BOWEL", "WORSENING_WEAKNESS", "BOTH_LEGS")) {
                assertEquals(true, all.stream().anyMatch(p -> p.language().equals(language) && p.symptom().equals(symptom)),
                        language + " " + symptom);
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // English
            "I feel numb between my legs since this morning | SADDLE_NUMBNESS",
            "There's some NUMBNESS   in my groin | SADDLE_NUMBNESS",
            "saddle numbness started yesterday | SADDLE_NUMBNESS",
            "I can't control my bladder anymore | BLADDER_BOWEL",
            "I can’t control my bladder (curly apostrophe) | BLADDER_BOWEL",
            "I cannot control my bowels | BLADDER_BOWEL",
            "I think I'm becoming incontinent | BLADDER_BOWEL",
            "the weakness is getting worse every day | WORSENING_WEAKNESS",
            "my left leg is getting weaker | WORSENING_WEAKNESS",
            "now the pain goes down both legs | BOTH_LEGS",
            "Tingling in both my feet | BOTH_LEGS",
            // German, with and without umlauts
            "Ich habe Taubheit im Intimbereich | SADDLE_NUMBNESS",
            "TAUBHEIT IM INTIMBEREICH seit gestern | SADDLE_NUMBNESS",
            "Das Gesäß ist taub | SADDLE_NUMBNESS",
            "Das Gesaess ist taub | SADDLE_NUMBNESS",
            "Ich kann die Blase nicht mehr kontrollieren | BLADDER_BOWEL",
            "Ich habe keine Kontrolle über die Blase | BLADDER_BOWEL",
            "Ich kann den Urin nicht halten | BLADDER_BOWEL",
            "I have no control over my bladder | BLADDER_BOWEL",
            "Ich habe kein Gefühl im Intimbereich | SADDLE_NUMBNESS",
            "Das Bein wird schwächer | WORSENING_WEAKNESS",
            "Das Bein wird schwaecher | WORSENING_WEAKNESS",
            "Die Schwäche wird schlimmer | WORSENING_WEAKNESS",
            "Es zieht in beide Beine | BOTH_LEGS",
            "Schmerzen in beiden Beinen | BOTH_LEGS",
            "Kribbeln in beiden Füßen | BOTH_LEGS",
    })
    void findsTheSymptom(String message, String symptom) {
        assertEquals(List.of(symptom), symptoms(message.strip()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "My back feels better after the exercises today",
            "Some numbness in my foot, as before",
            "No numbness in my groin, just the usual leg pain",
            "Keine Taubheit im Intimbereich, nur Rückenschmerzen",
            "The leg is not getting weaker",
            "Die Übungen gehen gut, danke",
            "Can I do the exercises twice a day?",
    })
    void findsNothingInAHarmlessOrDenyingMessage(String message) {
        assertEquals(List.of(), symptoms(message.strip()));
    }

    @Test
    void aDenialCoversOnlyTheOccurrenceItPrecedes() {
        assertEquals(List.of("SADDLE_NUMBNESS"),
                symptoms("No numbness in my groin yesterday, but today numbness in my groin"));
        // A denial in another sentence does not carry over: over-alerting is the safe side.
        assertEquals(List.of("SADDLE_NUMBNESS"), symptoms("No. Numbness in my groin since this morning"));
    }

    @Test
    void aMessageCanMentionSeveralSymptomsEachOnce() {
        assertEquals(List.of("BLADDER_BOWEL", "BOTH_LEGS"),
                symptoms("Pain in both legs and I can't control my bladder, both legs are bad").stream().sorted().toList());
    }

    @Test
    void normalisesCaseAccentsUmlautsAndSpaces() {
        assertEquals("fusse schwache | gesass cant", RedFlagPhrases.normalise("  FÜßE  Schwäche. Gesäß can't "));
        assertEquals(RedFlagPhrases.normalise("Füße"), RedFlagPhrases.normalise("Fuesse"));
    }

    static List<String> symptoms(String message) {
        return SEEDED.find(message).stream().map(RedFlagPhrases.Match::symptom).toList();
    }
}
