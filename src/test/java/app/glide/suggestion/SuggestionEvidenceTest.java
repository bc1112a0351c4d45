package app.glide.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.exercise.Chain;
import app.glide.exercise.Dosage;
import app.glide.exercise.DosageField;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.Progression;
import app.glide.plan.Schedule;
import app.glide.session.SessionDtos.ItemResult;
import app.glide.session.SessionDtos.ItemStatus;
import app.glide.suggestion.SuggestionEvidence.LoggedSession;
import app.glide.suggestion.SuggestionEvidence.RevisionSeen;
import app.glide.suggestion.SuggestionRules.ItemSession;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which logged sessions count for an item: only those at the prescription in force today. */
class SuggestionEvidenceTest {

    static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final UUID EXERCISE = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID ITEM = UUID.fromString("00000000-0000-0000-0000-000000000010");
    static final LocalDate START = LocalDate.of(2026, 3, 2); // a Monday
    static final LocalDate TODAY = START.plusDays(10);
    static final Instant REVISION_MADE = START.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    /** 2 × 10 reps every day from START, +2 reps every 28 days: the same prescription for the first four weeks. */
    static PlanItem item(int reps, LocalDate since, Schedule schedule) {
        return new PlanItem(ITEM, EXERCISE, new Dosage(2, reps, null, null, null, 1, null, null), since, schedule,
                new Progression(DosageField.REPS, 2, 28, 14, false), 10, null, null, false);
    }

    static final Schedule EVERY_DAY = new Schedule(EnumSet.allOf(DayOfWeek.class), null);
    static final PlanItem CURRENT = item(10, START, EVERY_DAY);

    static PlanContent content(int scalePercent, PlanItem... items) {
        return new PlanContent("Plan", null, scalePercent, false, List.of(items));
    }

    /** Revision 1: the current item, made the day before START. */
    static final Map<Integer, RevisionSeen> REVISIONS = Map.of(1, new RevisionSeen(REVISION_MADE, content(100, CURRENT)));

    static SuggestionEvidence.Revisions revisions(Map<Integer, RevisionSeen> byNumber) {
        return (planId, revision) -> planId.equals(PLAN) ? byNumber.get(revision) : null;
    }

    static ItemResult done(int reps) {
        return new ItemResult(ITEM, ItemStatus.DONE, 2, reps, null, null, null);
    }

    static LoggedSession session(int day, int revision, List<ItemResult> items) {
        LocalDate date = START.plusDays(day);
        return new LoggedSession(new UUID(0, day), PLAN, revision, date.atTime(18, 0).toInstant(ZoneOffset.UTC), date,
                1, 2, 5, "SAME", () -> items, "SAME", 1);
    }

    static List<ItemSession> history(List<LoggedSession> newestFirst, int limit) {
        return SuggestionEvidence.history(CURRENT, TODAY, newestFirst, revisions(REVISIONS), Chain.NONE, limit, at -> null);
    }

    static List<String> days(List<ItemSession> history) {
        return history.stream().map(s -> s.date().toString()).toList();
    }

    @Test
    void sessionsAtTheCurrentPrescriptionCountNewestFirstUpToTheLimit() {
        List<LoggedSession> sessions = new ArrayList<>();
        for (int day = 9; day >= 1; day--) {
            sessions.add(session(day, 1, List.of(done(10))));
        }
        List<ItemSession> h = history(sessions, 3);
        assertEquals(List.of("2026-03-11", "2026-03-10", "2026-03-09"), days(h));
        ItemSession newest = h.get(0);
        assertEquals(new UUID(0, 9).toString(), newest.sessionId());
        assertTrue(newest.doneInFull());
        assertFalse(newest.skipped());
        assertEquals(1, newest.painBefore());
        assertEquals(2, newest.painPeak());
        assertEquals("SAME", newest.nextMorning());
        assertEquals(1, newest.morningPain());
        assertEquals(5, newest.difficulty());
        assertFalse(newest.symptomsSpread());
    }

    @Test
    void aSessionStartedBeforeTheRevisionItNamesOrNamingNoKnownRevisionDoesNotCount() {
        RevisionSeen late = new RevisionSeen(START.plusDays(5).atStartOfDay(ZoneOffset.UTC).toInstant(),
                content(100, CURRENT));
        List<LoggedSession> sessions = List.of(session(6, 2, List.of(done(10))), session(4, 2, List.of(done(10))),
                session(3, 7, List.of(done(10))));
        List<ItemSession> h = SuggestionEvidence.history(CURRENT, TODAY, sessions,
                revisions(Map.of(1, REVISIONS.get(1), 2, late)), Chain.NONE, 10, at -> null);
        assertEquals(List.of("2026-03-08"), days(h));
    }

    @Test
    void sessionsAtAnotherPrescriptionOrBeforeTheItemsStartDoNotCount() {
        RevisionSeen easier = new RevisionSeen(REVISION_MADE, content(100, item(8, START, EVERY_DAY)));
        RevisionSeen later = new RevisionSeen(REVISION_MADE, content(100, item(10, START.plusDays(5), EVERY_DAY)));
        RevisionSeen without = new RevisionSeen(REVISION_MADE, content(100));
        List<LoggedSession> sessions = List.of(session(9, 1, List.of(done(10))), session(8, 2, List.of(done(8))),
                session(4, 3, List.of(done(10))), session(3, 4, List.of(done(10))), session(2, 1, List.of(done(10))));
        List<ItemSession> h = SuggestionEvidence.history(CURRENT, TODAY, sessions,
                revisions(Map.of(1, REVISIONS.get(1), 2, easier, 3, later, 4, without)), Chain.NONE, 10, at -> null);
        assertEquals(List.of("2026-03-11", "2026-03-04"), days(h));
    }

    @Test
    void aSessionWithoutTheItemCountsAsSkippedOnlyOnADayItWasDue() {
        Schedule mondays = new Schedule(Set.of(DayOfWeek.MONDAY), null);
        PlanItem weekly = item(10, START, mondays);
        RevisionSeen rev = new RevisionSeen(REVISION_MADE, content(100, weekly));
        List<LoggedSession> sessions = List.of(session(8, 1, List.of()), session(7, 1, List.of()));
        List<ItemSession> h = SuggestionEvidence.history(weekly, TODAY, sessions, revisions(Map.of(1, rev)),
                Chain.NONE, 10, at -> null);
        assertEquals(List.of("2026-03-09"), days(h), "the 9th is a Monday, the 10th is not");
        assertTrue(h.get(0).skipped());
        assertFalse(h.get(0).doneInFull());
    }

    @Test
    void doneInFullMeansTheWholeScaledDoseDone() {
        RevisionSeen halved = new RevisionSeen(REVISION_MADE, content(50, CURRENT));
        List<LoggedSession> sessions = List.of(session(9, 1, List.of(done(5))), session(8, 2, List.of(done(5))),
                session(7, 1, List.of(new ItemResult(ITEM, ItemStatus.PARTIAL, 2, 10, null, null, null))),
                session(6, 1, List.of(new ItemResult(ITEM, ItemStatus.SKIPPED, null, null, null, null, null))));
        List<ItemSession> h = SuggestionEvidence.history(CURRENT, TODAY, sessions,
                revisions(Map.of(1, REVISIONS.get(1), 2, halved)), Chain.NONE, 10, at -> null);
        assertEquals(List.of(false, true, false, false), h.stream().map(ItemSession::doneInFull).toList(),
                "5 of 10 reps; 5 of a halved 10; partial; skipped");
        assertEquals(List.of(false, false, false, true), h.stream().map(ItemSession::skipped).toList());
    }

    @Test
    void spreadingSymptomsAndAnUnansweredMorningAreCarried() {
        LocalDate date = START.plusDays(9);
        LoggedSession spread = new LoggedSession(new UUID(0, 9), PLAN, 1, date.atTime(18, 0).toInstant(ZoneOffset.UTC),
                date, 2, 4, 6, "PERIPHERALISING", () -> List.of(done(10)), null, null);
        ItemSession s = history(List.of(spread), 3).get(0);
        assertTrue(s.symptomsSpread());
        assertNull(s.nextMorning());
        assertNull(s.morningPain());
    }

    @Test
    void itemResultsAreReadOnlyForSessionsAtThePrescription() {
        AtomicInteger parsed = new AtomicInteger();
        RevisionSeen easier = new RevisionSeen(REVISION_MADE, content(100, item(8, START, EVERY_DAY)));
        LocalDate date = START.plusDays(9);
        LoggedSession other = new LoggedSession(new UUID(0, 9), PLAN, 2, date.atTime(18, 0).toInstant(ZoneOffset.UTC),
                date, 1, 2, 5, "SAME", () -> {
                    parsed.incrementAndGet();
                    return List.of(done(8));
                }, "SAME", 1);
        SuggestionEvidence.history(CURRENT, TODAY, List.of(other), revisions(Map.of(2, easier)), Chain.NONE, 3, at -> null);
        assertEquals(0, parsed.get());
    }

    @Test
    void theBasisIsTheNewestSessionAndItsMorningAnswer() {
        assertEquals("none", SuggestionEvidence.basis(List.of()));
        List<ItemSession> h = history(List.of(session(9, 1, List.of(done(10))), session(8, 1, List.of(done(10)))), 3);
        assertEquals(new UUID(0, 9) + ":SAME", SuggestionEvidence.basis(h));
    }
}
