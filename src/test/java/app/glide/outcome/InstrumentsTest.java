package app.glide.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The instruments' structures and the lookup by versioned id, plain Java. */
class InstrumentsTest {

    @Test
    void versionedIds() {
        assertEquals(List.of("odi-2.1a", "rmdq-24", "startback-9", "psfs", "nprs"),
                Instruments.ALL.stream().map(InstrumentDefinition::id).toList());
    }

    @Test
    void odiHasTenSectionsOfSixAnswersScoredZeroToFive() {
        InstrumentDefinition odi = Instruments.definition("odi-2.1a");
        assertEquals(10, odi.items().size());
        for (Item item : odi.items()) {
            assertEquals(List.of(0, 1, 2, 3, 4, 5), item.options().stream().map(AnswerOption::score).toList());
        }
        assertEquals(8, odi.minAnswered());
    }

    @Test
    void licensedInstrumentsShipNoWording() {
        for (String id : List.of("odi-2.1a", "rmdq-24", "startback-9")) {
            for (Item item : Instruments.definition(id).items()) {
                assertNull(item.text(), id + " " + item.id());
                item.options().forEach(o -> assertNull(o.text(), id + " " + item.id() + " " + o.code()));
            }
        }
        for (String id : List.of("psfs", "nprs")) {
            Instruments.definition(id).items().forEach(item -> assertNotNull(item.text(), id + " " + item.id()));
        }
    }

    @Test
    void itemCounts() {
        assertEquals(24, Instruments.definition("rmdq-24").items().size());
        assertEquals(9, Instruments.definition("startback-9").items().size());
        assertEquals(5, Instruments.definition("psfs").items().size());
        assertEquals(3, Instruments.definition("psfs").minAnswered());
        assertEquals(1, Instruments.definition("nprs").items().size());
    }

    @Test
    void anotherVersionIsRefusedWithTheKnownIds() {
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class,
                () -> Instruments.score("odi-2.0", Answers.numbers("odi", OswestryTest.SIXTEEN)));
        assertEquals(List.of("instrument"), Answers.fields(r));
        assertEquals("instrument 'odi-2.0' is not known; the known instruments are odi-2.1a, rmdq-24, startback-9,"
                + " psfs, nprs", r.errors().get(0).message());
        assertThrows(OutcomeRefusal.class, () -> Instruments.definition(null));
    }

    @Test
    void scoresByIdDispatchToTheInstrument() {
        assertEquals(new BigDecimal("32.0"), Instruments.score("odi-2.1a", Answers.numbers("odi", OswestryTest.SIXTEEN))
                .value());
        assertEquals(BigDecimal.valueOf(3), Instruments.score("nprs", Map.of("nprs-1", "3")).value());
        assertEquals("LOW", Instruments.score("startback-9", StartBackTest.answers("DDDDDDDD", "slightly")).band());
        assertEquals(BigDecimal.valueOf(12), Instruments.score("rmdq-24",
                Answers.of("rmdq", RolandMorrisTest.yes(12))).value());
    }

    @Test
    void answersOfOneInstrumentUnderAnothersIdAreRefused() {
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class,
                () -> Instruments.score("rmdq-24", Answers.numbers("odi", OswestryTest.SIXTEEN)));
        assertTrue(Answers.fields(r).contains("odi-1"));
        assertTrue(Answers.fields(r).contains("answers"), "and all 24 items are left out");
        assertEquals(11, r.errors().size());
    }

    @Test
    void psfsIsNotScoredFromItemAnswers() {
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class, () -> Instruments.score("psfs", Map.of("activity-1", "5")));
        assertEquals(List.of("answers"), Answers.fields(r));
    }

    @Test
    void aRefusalNeedsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new OutcomeRefusal("nprs", List.of()));
    }
}
