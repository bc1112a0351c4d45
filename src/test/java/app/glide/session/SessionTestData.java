package app.glide.session;

import app.glide.exercise.Dosage;
import app.glide.plan.PlanItem;
import app.glide.plan.Schedule;
import app.glide.session.SessionDtos.ItemResult;
import app.glide.session.SessionDtos.ItemStatus;
import app.glide.session.SessionDtos.SessionRequest;
import app.glide.session.SessionDtos.SkipReason;
import app.glide.symptom.SymptomExtent;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** Plain values for the session's plain unit tests. */
final class SessionTestData {

    static final UUID PLAN = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private SessionTestData() {
    }

    static SessionRequest request(String startedAt, String endedAt, List<ItemResult> items) {
        return new SessionRequest(PLAN, 3, OffsetDateTime.parse(startedAt), OffsetDateTime.parse(endedAt), 4, 6, 3, 5,
                SymptomExtent.BUTTOCK, items, "felt ok");
    }

    static ItemResult done(UUID item) {
        return new ItemResult(item, ItemStatus.DONE, null, null, null, null, null);
    }

    static ItemResult partial(UUID item, Integer sets, Integer reps) {
        return new ItemResult(item, ItemStatus.PARTIAL, sets, reps, null, null, null);
    }

    static ItemResult skipped(UUID item, SkipReason why) {
        return new ItemResult(item, ItemStatus.SKIPPED, null, null, null, null, why);
    }

    /** 3 x 10, due on the given days (no progression: the prescription is the dosage). */
    static PlanItem item(UUID id, boolean paused, DayOfWeek... days) {
        return new PlanItem(id, UUID.randomUUID(), new Dosage(3, 10, null, null, null, null, null, null),
                LocalDate.of(2026, 1, 1), new Schedule(days.length == 0 ? EnumSet.noneOf(DayOfWeek.class)
                        : EnumSet.of(days[0], days), null), null, null, null, null, paused);
    }
}
