package app.glide.session;

import static app.glide.session.SessionTestData.done;
import static app.glide.session.SessionTestData.item;
import static app.glide.session.SessionTestData.partial;
import static app.glide.session.SessionTestData.skipped;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.exercise.Chain;
import app.glide.plan.PlanContent;
import app.glide.session.SessionDtos.SkipReason;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CompletionMathTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
    static final LocalDate TUESDAY = MONDAY.plusDays(1);
    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final UUID C = UUID.randomUUID();
    static final UUID PAUSED = UUID.randomUUID();

    /** A and B due on Mondays, C on Tuesdays, one paused item on Mondays. */
    static final PlanContent CONTENT = new PlanContent("plan", null, 100, false, List.of(
            item(A, false, DayOfWeek.MONDAY), item(B, false, DayOfWeek.MONDAY), item(C, false, DayOfWeek.TUESDAY),
            item(PAUSED, true, DayOfWeek.MONDAY)));

    @Test
    void everyDueItemDoneIsComplete() {
        assertEquals(1.0, CompletionMath.completion(List.of(done(A), done(B)), CONTENT, MONDAY, Chain.NONE));
    }

    @Test
    void aDueItemNotReportedOrSkippedCountsNothing() {
        assertEquals(0.5, CompletionMath.completion(List.of(done(A)), CONTENT, MONDAY, Chain.NONE));
        assertEquals(0.5, CompletionMath.completion(List.of(done(A), skipped(B, SkipReason.PAIN)), CONTENT, MONDAY,
                Chain.NONE));
    }

    @Test
    void aPartialItemCountsItsShareOfTheDose() {
        // 3 x 10 prescribed; 2 x 10 done is two thirds, 3 x 5 half
        assertEquals((2.0 / 3 + 0.5) / 2,
                CompletionMath.completion(List.of(partial(A, 2, null), partial(B, null, 5)), CONTENT, MONDAY, Chain.NONE),
                1e-9);
    }

    @Test
    void aPausedItemIsNotDueAndItemsOfOtherDaysDoNotCount() {
        assertEquals(1.0, CompletionMath.completion(List.of(done(A), done(B), done(C)), CONTENT, MONDAY, Chain.NONE));
    }

    @Test
    void theDoseIsScaledByThePlansScale() {
        PlanContent halved = CONTENT.withScale(50);
        // 3 x 5 prescribed at 50%: 3 x 5 done is all of it
        assertEquals(1.0, CompletionMath.completion(List.of(partial(A, null, 5), partial(B, null, 5)), halved, MONDAY,
                Chain.NONE));
    }

    @Test
    void onADayOffTheReportedItemsAreWhatCounts() {
        LocalDate wednesday = MONDAY.plusDays(2);
        assertEquals(0.5, CompletionMath.completion(List.of(done(A), skipped(C, SkipReason.NO_TIME)), CONTENT,
                wednesday, Chain.NONE));
        assertEquals(1.0, CompletionMath.completion(List.of(done(C)), CONTENT, TUESDAY, Chain.NONE));
    }

    @Test
    void nothingDueAndNothingOfThePlanReportedIsZero() {
        assertEquals(0.0, CompletionMath.completion(List.of(), CONTENT, MONDAY.plusDays(2), Chain.NONE));
    }
}
