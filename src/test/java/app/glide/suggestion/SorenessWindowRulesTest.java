package app.glide.suggestion;

import static app.glide.suggestion.SuggestionRulesTest.CALM;
import static app.glide.suggestion.SuggestionRulesTest.RED_FLAG;
import static app.glide.suggestion.SuggestionRulesTest.T;
import static app.glide.suggestion.SuggestionRulesTest.changeAt;
import static app.glide.suggestion.SuggestionRulesTest.goodThree;
import static app.glide.suggestion.SuggestionRulesTest.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.suggestion.SuggestionRules.Action;
import app.glide.suggestion.SuggestionRules.Context;
import app.glide.suggestion.SuggestionRules.Decision;
import app.glide.suggestion.SuggestionRules.ItemSession;
import app.glide.visit.SorenessWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The expected-soreness window after needling or manual therapy (issue 14, item 3; domain.md:
 * "a short rise in soreness is expected and is not a reason to step the home plan back"), both
 * ways: inside it the pain REGRESS rules hold instead and nothing progresses; outside it the
 * rules are as before; red flags and spreading symptoms are never excused.
 */
class SorenessWindowRulesTest {

    static final String WINDOW = "after dry needling on 20 Nov 10:00, until 22 Nov 10:00";
    static final Context WINDOW_OPEN = new Context(false, false, false, false, null, WINDOW);

    /** The newest of three good sessions changed as given, and inside the window. */
    static List<ItemSession> newestInWindow(String what, Object value) {
        List<ItemSession> h = new ArrayList<>(changeAt(0, what, value));
        h.set(0, with(h.get(0), "soreness", WINDOW));
        return h;
    }

    @Test
    void aPainPeakAboveTheLimitInsideTheWindowHoldsInsteadOfSteppingBack() {
        assertEquals(Action.REGRESS, SuggestionRules.decide(changeAt(0, "pain", 7), CALM, T).action(), "outside: as before");
        Decision d = SuggestionRules.decide(newestInWindow("pain", 7), CALM, T);
        assertEquals(Action.HOLD, d.action());
        assertEquals(SuggestionRules.EXPECTED_SORENESS, d.rule());
        assertTrue(d.reason().contains("expected-soreness window " + WINDOW), d.reason());
        assertTrue(d.reason().startsWith("Pain peaked at 7/10 on 19 Nov (limit 5)"), d.reason());
        assertTrue(d.holdsProgression(), "no progression either, scheduled or suggested");
        assertEquals(Optional.of(SuggestionRules.EXPECTED_SORENESS), SuggestionRules.holdingSignal(newestInWindow("pain", 7), CALM, T));
    }

    @Test
    void aWorseNextMorningInsideTheWindowHoldsInsteadOfSteppingBack() {
        assertEquals(Action.REGRESS, SuggestionRules.decide(changeAt(0, "morning", "WORSE"), CALM, T).action());
        assertEquals(SuggestionRules.EXPECTED_SORENESS,
                SuggestionRules.decide(newestInWindow("morning", "WORSE"), CALM, T).rule());
        assertEquals(SuggestionRules.EXPECTED_SORENESS,
                SuggestionRules.decide(newestInWindow("morningPain", 6), CALM, T).rule(), "by number, too");
    }

    @Test
    void spreadingSymptomsAreNeverExcused() {
        Decision d = SuggestionRules.decide(newestInWindow("spread", true), WINDOW_OPEN, T);
        assertEquals(Action.REGRESS, d.action());
        assertEquals("symptoms-spread", d.rule());
        // With pain above the limit too (the review's case): still a step back, for the spreading.
        List<ItemSession> sorePlusSpread = new ArrayList<>(newestInWindow("pain", 8));
        sorePlusSpread.set(0, with(sorePlusSpread.get(0), "spread", true));
        for (Context c : List.of(CALM, WINDOW_OPEN, new Context(false, false, false, true, null, WINDOW))) {
            Decision both = SuggestionRules.decide(sorePlusSpread, c, T);
            assertEquals(Action.REGRESS, both.action(), c.toString());
            assertEquals("symptoms-spread", both.rule(), c.toString());
        }
    }

    @Test
    void anOpenRedFlagSpeaksFirst() {
        Context redFlagAndWindow = new Context(true, false, false, false, null, WINDOW);
        assertEquals("red-flag-open", SuggestionRules.decide(newestInWindow("pain", 7), RED_FLAG, T).rule());
        assertEquals("red-flag-open", SuggestionRules.decide(goodThree(), redFlagAndWindow, T).rule());
        assertEquals("red-flag-open", SuggestionRules.decide(List.of(), redFlagAndWindow, T).rule());
    }

    @Test
    void nothingProgressesWhileAWindowIsOpen() {
        assertEquals(Action.PROGRESS, SuggestionRules.decide(goodThree(), CALM, T).action(), "outside: as before");
        Decision d = SuggestionRules.decide(goodThree(), WINDOW_OPEN, T);
        assertEquals(Action.HOLD, d.action());
        assertEquals(SuggestionRules.SORENESS_WINDOW_OPEN, d.rule());
        assertTrue(d.reason().contains(WINDOW), d.reason());
        assertEquals(SuggestionRules.SORENESS_WINDOW_OPEN, SuggestionRules.decide(List.of(), WINDOW_OPEN, T).rule());
        assertEquals(Optional.of(SuggestionRules.SORENESS_WINDOW_OPEN), SuggestionRules.holdingSignal(goodThree(), WINDOW_OPEN, T));
    }

    @Test
    void aStepBackStillHappensForPainOutsideTheWindowWhileAnotherIsOpen() {
        // The newest session was before the treatment: its pain is not excused by a window opened later.
        assertEquals(Action.REGRESS, SuggestionRules.decide(changeAt(0, "pain", 7), WINDOW_OPEN, T).action());
    }

    @Test
    void windowsAreDescribedInThePatientsZoneAndCoverStartToEnd() {
        Instant start = Instant.parse("2026-11-20T09:00:00Z");
        SorenessWindow w = new SorenessWindow(start, start.plusSeconds(48 * 3600), "DRY_NEEDLING", UUID.randomUUID());
        SorenessNotes notes = new SorenessNotes(List.of(w), ZoneId.of("Europe/Berlin"));
        assertEquals(WINDOW, notes.covering(start));
        assertEquals(WINDOW, notes.covering(start.plusSeconds(48 * 3600 - 1)));
        assertEquals(null, notes.covering(start.minusSeconds(1)));
        assertEquals(null, notes.covering(start.plusSeconds(48 * 3600)), "the end is outside");
        SorenessWindow later = new SorenessWindow(start.plusSeconds(3600), start.plusSeconds(50 * 3600), "MANUAL_THERAPY",
                UUID.randomUUID());
        assertEquals("after manual therapy on 20 Nov 11:00, until 22 Nov 12:00",
                new SorenessNotes(List.of(w, later), ZoneId.of("Europe/Berlin")).covering(start.plusSeconds(7200)),
                "overlapping: the one that lasts longest");
    }
}
