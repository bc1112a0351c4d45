package app.glide.session;

import static app.glide.session.SessionTestData.done;
import static app.glide.session.SessionTestData.item;
import static app.glide.session.SessionTestData.partial;
import static app.glide.session.SessionTestData.request;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.glide.plan.PlanContent;
import app.glide.session.SessionDtos.ItemResult;
import app.glide.session.SessionDtos.ItemStatus;
import app.glide.session.SessionDtos.SessionRequest;
import app.glide.session.SessionDtos.SkipReason;
import app.glide.web.ApiProblem;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionRulesTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final PlanContent CONTENT = new PlanContent("plan", null, 100, false,
            List.of(item(A, false, DayOfWeek.MONDAY), item(B, false, DayOfWeek.MONDAY)));

    @Test
    void aSessionWithinTheWindowIsAccepted() {
        assertDoesNotThrow(() -> SessionRules.checkTimes(
                request("2026-10-21T12:00:00Z", "2026-10-21T12:30:00Z", List.of(done(A))), NOW));
        assertDoesNotThrow(() -> SessionRules.checkTimes(
                request("2026-11-20T11:30:00Z", "2026-11-20T12:05:00Z", List.of(done(A))), NOW));
    }

    @Test
    void tooOldOrEndingInTheFutureIsRefused() {
        ApiProblem old = assertThrows(ApiProblem.class, () -> SessionRules.checkTimes(
                request("2026-10-21T11:59:59Z", "2026-10-21T12:30:00Z", List.of(done(A))), NOW));
        assertEquals(422, old.status());
        assertEquals("session-time-rejected", type(old));
        assertEquals("1 problem in the session.", old.detail());
        assertEquals(List.of("startedAt"), fields(old));
        ApiProblem future = assertThrows(ApiProblem.class, () -> SessionRules.checkTimes(
                request("2026-11-20T11:30:00Z", "2026-11-20T12:05:01Z", List.of(done(A))), NOW));
        assertEquals(List.of("endedAt"), fields(future));
        assertEquals("is in the future; check the phone's clock", future.errors().get(0).message());
    }

    @Test
    void everyTimeProblemIsReportedAtOnce() {
        ApiProblem p = assertThrows(ApiProblem.class, () -> SessionRules.checkTimes(
                request("2026-10-21T11:59:00Z", "2026-10-21T11:00:00Z", List.of(done(A))), NOW));
        assertEquals("2 problems in the session.", p.detail());
        assertEquals(List.of("startedAt", "endedAt"), fields(p));
        assertEquals("is before startedAt", p.errors().get(1).message());
    }

    @Test
    void endingBeforeTheStartOrAfterTwelveHoursIsRefused() {
        ApiProblem backwards = assertThrows(ApiProblem.class, () -> SessionRules.checkTimes(
                request("2026-11-20T10:00:00Z", "2026-11-20T09:59:59Z", List.of(done(A))), NOW));
        assertEquals("is before startedAt", backwards.errors().get(0).message());
        assertEquals("1 problem in the session.", backwards.detail());
        ApiProblem tooLong = assertThrows(ApiProblem.class, () -> SessionRules.checkTimes(
                request("2026-11-19T22:00:00+01:00", "2026-11-20T10:00:01+01:00", List.of(done(A))), NOW));
        assertEquals("makes the session longer than 12 hours", tooLong.errors().get(0).message());
        assertDoesNotThrow(() -> SessionRules.checkTimes(
                request("2026-11-19T22:00:00+01:00", "2026-11-20T10:00:00+01:00", List.of(done(A))), NOW));
    }

    @Test
    void aSessionOfNoTimeAndNoItemsIsEmpty() {
        SessionRequest r = request("2026-11-20T10:00:00+01:00", "2026-11-20T09:00:00Z", List.of());
        ApiProblem p = assertThrows(ApiProblem.class, () -> SessionRules.checkNotEmpty(r, r.startedAt(), r.endedAt()));
        assertEquals(422, p.status());
        assertEquals("empty-session", type(p));
        assertEquals("The session is empty, so it was not recorded: 2 problems.", p.detail());
        assertEquals(List.of("endedAt", "items"), fields(p));
    }

    @Test
    void allSkippedIsARealReport() {
        SessionRequest r = request("2026-11-20T09:00:00Z", "2026-11-20T09:20:00Z",
                List.of(SessionTestData.skipped(A, SkipReason.PAIN), SessionTestData.skipped(B, SkipReason.NO_TIME)));
        assertDoesNotThrow(() -> SessionRules.checkNotEmpty(r, r.startedAt(), r.endedAt()));
        assertDoesNotThrow(() -> SessionRules.checkItems(r, CONTENT));
    }

    @Test
    void malformedItemsAre400BeforeUnknownItemsAre422() {
        ItemResult skipWithoutReason = new ItemResult(B, ItemStatus.SKIPPED, null, null, null, null, null);
        ItemResult partialWithNothing = new ItemResult(UUID.randomUUID(), ItemStatus.PARTIAL, null, null, null, null, null);
        SessionRequest r = request("2026-11-20T09:00:00Z", "2026-11-20T09:20:00Z",
                List.of(done(A), done(A), skipWithoutReason, partialWithNothing));
        ApiProblem p = assertThrows(ApiProblem.class, () -> SessionRules.checkItems(r, CONTENT));
        assertEquals(400, p.status());
        assertEquals("validation", type(p));
        assertEquals("3 fields are invalid.", p.detail());
        assertEquals(List.of("items[1].itemId", "items[2].skipReason", "items[3]"), fields(p));
    }

    @Test
    void anItemNotInTheRevisionIs422() {
        SessionRequest r = request("2026-11-20T09:00:00Z", "2026-11-20T09:20:00Z",
                List.of(done(A), partial(UUID.randomUUID(), 1, null)));
        ApiProblem p = assertThrows(ApiProblem.class, () -> SessionRules.checkItems(r, CONTENT));
        assertEquals(422, p.status());
        assertEquals("unknown-plan-item", type(p));
        assertEquals("1 problem in the session.", p.detail());
        assertEquals("items[1].itemId", p.errors().get(0).field());
        assertEquals("is not an item of plan revision 3", p.errors().get(0).message());
    }

    private static String type(ApiProblem p) {
        String t = p.type().toString();
        return t.substring(t.lastIndexOf('/') + 1);
    }

    private static List<String> fields(ApiProblem p) {
        return p.errors().stream().map(ApiProblem.FieldError::field).toList();
    }
}
