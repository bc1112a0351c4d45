package app.glide.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glide.adherence.AdherenceMath;
import app.glide.exercise.Dosage;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.Schedule;
import app.glide.progress.ProgressMath.Bucket;
import app.glide.progress.ProgressMath.ItemSums;
import app.glide.progress.ProgressMath.Rollup;
import app.glide.progress.ProgressMath.SessionSums;
import app.glide.progress.ProgressMath.Sum;
import app.glide.progress.ProgressMarkers.Kind;
import app.glide.progress.ProgressMarkers.RevisionRow;
import app.glide.symptom.SymptomExtent;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProgressMathTest {

    static final LocalDate WED = LocalDate.of(2026, 11, 4); // a Wednesday

    @Test
    void weeksRunMondayToSundayAndAreClippedToTheRange() {
        ProgressMath.Input none = new ProgressMath.Input(List.of(), Map.of(), Map.of(), Map.of());
        List<ProgressMath.Point> weeks = ProgressMath.series(WED, WED.plusDays(12), Bucket.WEEK, WED.plusDays(12), none);
        assertEquals(3, weeks.size());
        assertEquals(WED, weeks.get(0).start());
        assertEquals(LocalDate.of(2026, 11, 8), weeks.get(0).end());
        assertEquals(LocalDate.of(2026, 11, 9), weeks.get(1).start());
        assertEquals(LocalDate.of(2026, 11, 15), weeks.get(1).end());
        assertEquals(LocalDate.of(2026, 11, 16), weeks.get(2).start());
        assertEquals(WED.plusDays(12), weeks.get(2).end());
        assertEquals(13, ProgressMath.series(WED, WED.plusDays(12), Bucket.DAY, WED, none).size());
    }

    @Test
    void expectedAndDoneFollowTheAdherenceRulesAndPainsAreMeansOfSessions() {
        UUID itemId = UUID.randomUUID();
        LocalDate today = WED.plusDays(3);
        // One item every day: 1 expected a day (AdherenceMath.expected).
        List<AdherenceMath.Revision> revisions = List.of(new AdherenceMath.Revision(WED, everyDay()));
        Map<LocalDate, Rollup> rollups = Map.of(WED, new Rollup(2, 1.5), WED.plusDays(1), new Rollup(1, 0.5),
                today, new Rollup(0, 0));
        Map<LocalDate, SessionSums> sessions = Map.of(
                WED, new SessionSums(2, 5, 9, 3, SymptomExtent.THIGH.ordinal(), 4, 1),
                WED.plusDays(1), new SessionSums(1, 4, 6, 4, SymptomExtent.BACK_ONLY.ordinal(), 0, 0));
        Map<LocalDate, List<ItemSums>> items = Map.of(
                WED, List.of(new ItemSums(itemId, 2, 0, Sum.NONE, new Sum(18, 2), Sum.NONE, Sum.NONE)),
                WED.plusDays(1), List.of(new ItemSums(itemId, 0, 1, Sum.NONE, Sum.NONE, Sum.NONE, Sum.NONE)));
        ProgressMath.Point week = ProgressMath.series(WED, today.plusDays(1), Bucket.WEEK, today,
                new ProgressMath.Input(revisions, rollups, sessions, items)).get(0);
        assertEquals(3, week.sessions());
        assertEquals(3.0, week.sessionsExpected(), "Wed..Fri; today (Sat) not yet, Sunday is after today");
        assertEquals(1.5, week.sessionsDone(), "at most 1 a day");
        assertEquals(0.5, week.adherence());
        assertEquals(3.0, week.painBefore());
        assertEquals(5.0, week.painPeak());
        assertEquals(2.33, week.painAfter());
        assertEquals(4.0, week.nextMorningPain());
        assertEquals(SymptomExtent.THIGH, week.worstSymptomExtent());
        assertEquals(1, week.items().size());
        assertEquals(2, week.items().get(0).timesDone());
        assertEquals(1, week.items().get(0).timesSkipped());
        assertEquals(9.0, week.items().get(0).reps());
        assertNull(week.items().get(0).sets());
        ProgressMath.Point before = ProgressMath.series(WED.minusDays(1), WED.minusDays(1), Bucket.DAY, today,
                new ProgressMath.Input(revisions, rollups, sessions, items)).get(0);
        assertEquals(0.0, before.sessionsExpected(), "no plan yet");
        assertNull(before.adherence());
        assertNull(before.painBefore());
        assertNull(before.nextMorningPain());
    }

    static PlanContent everyDay() {
        PlanItem item = new PlanItem(UUID.randomUUID(), UUID.randomUUID(), new Dosage(2, 10, null, null, null, null, null,
                null), WED, new Schedule(EnumSet.allOf(DayOfWeek.class), null), null, null, null, null, false);
        return new PlanContent("p", null, 100, false, List.of(item));
    }

    @Test
    void flareUpsRunFromTheirStartToTheRevisionThatEndsThem() {
        UUID plan = UUID.randomUUID();
        List<RevisionRow> rows = List.of(
                new RevisionRow(plan, null, 1, "CREATED", WED.minusDays(20), null),
                new RevisionRow(plan, null, 2, "ADJUSTED", WED.minusDays(3), WED.minusDays(4)),
                new RevisionRow(plan, null, 3, "RESTORED", WED.plusDays(2), null),
                new RevisionRow(plan, null, 4, "ADJUSTED", WED.plusDays(5), WED.plusDays(5)));
        List<ProgressMarkers.Marker> m = ProgressMarkers.markers(WED.minusDays(7), WED.plusDays(6), rows,
                List.of(redFlag(WED), redFlag(WED.minusDays(30))));
        assertEquals(List.of(Kind.FLARE_UP, Kind.PLAN_REVISION, Kind.RED_FLAG, Kind.PLAN_REVISION, Kind.PLAN_REVISION,
                Kind.FLARE_UP), m.stream().map(ProgressMarkers.Marker::kind).toList());
        assertEquals(WED.minusDays(4), m.get(0).date());
        assertEquals(WED.plusDays(2), m.get(0).endDate());
        assertEquals(2, m.get(1).revision());
        assertEquals(WED.plusDays(5), m.get(5).date());
        assertNull(m.get(5).endDate(), "still going");
        // A plan ended during a flare-up ends it; a later plan starts afresh.
        UUID next = UUID.randomUUID();
        List<ProgressMarkers.Marker> ended = ProgressMarkers.markers(WED.minusDays(7), WED.plusDays(6), List.of(
                new RevisionRow(plan, WED, 1, "ADJUSTED", WED.minusDays(30), WED.minusDays(2)),
                new RevisionRow(next, null, 1, "CREATED", WED.plusDays(1), null)), List.of());
        assertEquals(Kind.FLARE_UP, ended.get(0).kind());
        assertEquals(WED, ended.get(0).endDate());
        assertEquals(2, ended.size());
    }

    static ProgressMarkers.Event redFlag(java.time.LocalDate d) {
        return new ProgressMarkers.Event(Kind.RED_FLAG, d, null, null, null, null);
    }

    @Test
    void visitsAndOutcomesAreMarkersOnTheirDayWithTheirDetails() {
        UUID visit = UUID.randomUUID();
        UUID response = UUID.randomUUID();
        List<ProgressMarkers.Marker> m = ProgressMarkers.markers(WED.minusDays(7), WED, List.of(), List.of(
                new ProgressMarkers.Event(Kind.VISIT, WED.minusDays(8), UUID.randomUUID(), "EVALUATION", null, null),
                new ProgressMarkers.Event(Kind.VISIT, WED.minusDays(2), visit, "FOLLOW_UP", null, null),
                new ProgressMarkers.Event(Kind.OUTCOME, WED.minusDays(3), response, "odi-2.1a", 34.0, "MODERATE")));
        assertEquals(List.of(Kind.OUTCOME, Kind.VISIT), m.stream().map(ProgressMarkers.Marker::kind).toList(),
                "by date, the one before the range left out");
        ProgressDtos.ProgressMarker odi = ProgressDtos.ProgressMarker.of(m.get(0));
        assertEquals(List.of(response, "odi-2.1a", 34.0, "MODERATE"),
                List.of(odi.responseId(), odi.instrumentId(), odi.score(), odi.band()));
        assertNull(odi.visitId());
        ProgressDtos.ProgressMarker followUp = ProgressDtos.ProgressMarker.of(m.get(1));
        assertEquals(List.of(visit, "FOLLOW_UP"), List.of(followUp.visitId(), followUp.visitKind()));
        assertNull(followUp.score());
    }
}
