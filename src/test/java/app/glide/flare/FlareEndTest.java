package app.glide.flare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glide.exercise.Dosage;
import app.glide.exercise.DosageField;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.Progression;
import app.glide.plan.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FlareEndTest {

    static final LocalDate FLARE = LocalDate.of(2026, 11, 10);
    static final LocalDate END = FLARE.plusDays(5);

    static PlanItem item(int reps) {
        return new PlanItem(UUID.randomUUID(), UUID.randomUUID(), new Dosage(2, reps, null, null, null, 1, null, null),
                FLARE, new Schedule(Set.of(DayOfWeek.MONDAY), null), new Progression(DosageField.REPS, 2, 7, 20, false),
                8, null, null, false);
    }

    @Test
    void restoresWhatTheFlareSteppedBackAndKeepsWhatTheTherapistChanged() {
        PlanItem a = item(12);
        PlanItem b = item(10);
        PlanItem aAfter = a.withState(a.exerciseId(), a.dosage().with(DosageField.REPS, 10), FLARE).withHold("flare-up");
        PlanItem bAfter = b.withState(b.exerciseId(), b.dosage().with(DosageField.REPS, 8), FLARE).withHold("flare-up");
        // During the flare-up the therapist set item b to 6 reps.
        PlanItem bByTherapist = bAfter.withState(b.exerciseId(), b.dosage().with(DosageField.REPS, 6), FLARE.plusDays(2))
                .withHold(null);
        PlanItem added = item(5);
        PlanContent.FlareState flare = new PlanContent.FlareState(FLARE, Instant.EPOCH, 7, "CALF", 2.0, 3,
                List.of(new PlanContent.FlareStep(a.id(), a, aAfter), new PlanContent.FlareStep(b.id(), b, bAfter)));
        PlanContent during = new PlanContent("Plan", null, 100, false, List.of(aAfter, bByTherapist, added))
                .withFlare(flare);

        FlareEnd.Ended ended = FlareEnd.restore(during, END);

        assertNull(ended.content().flare());
        PlanItem aNow = ended.content().item(a.id()).orElseThrow();
        assertEquals(12, aNow.dosage().reps(), "back to where it was the day the flare-up began");
        assertEquals(END, aNow.since(), "and its schedule climbs again from today, without jumping");
        assertNull(aNow.hold());
        assertEquals(bByTherapist, ended.content().item(b.id()).orElseThrow(), "the therapist's change stays");
        assertEquals(added, ended.content().item(added.id()).orElseThrow());
        assertEquals(List.of(a.id()), ended.restored());
        assertEquals(List.of(b.id()), ended.keptTherapistChange());
    }
}
