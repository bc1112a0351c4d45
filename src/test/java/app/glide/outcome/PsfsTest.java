package app.glide.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.outcome.Psfs.Activity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Patient-Specific Functional Scale scoring, plain Java. Rules from the PSFS form (Stratford et al.
 * 1995, reproduced at https://www.precisionphysio.com.au/the-patient-specific-functional-scale/):
 * "Total score = sum of the activity scores / number of activities; minimum detectable change (90% CI)
 * for average score = 2 points, for single activity score = 3 points".
 */
class PsfsTest {

    static final List<Activity> THREE = List.of(new Activity("Walking 30 minutes", 3),
            new Activity("Sitting through a film", 5), new Activity("Putting on socks", 4));

    @Test
    void threeActivitiesGiveTheirMean() {
        Score s = Psfs.score(THREE);
        assertEquals(new BigDecimal("4.0"), s.value(), "(3 + 5 + 4) / 3");
        assertEquals(3, s.answered());
        assertNull(s.band());
        assertEquals(BigDecimal.valueOf(5), s.subscores().get("Sitting through a film"));
    }

    @Test
    void fiveActivitiesAndAMeanThatRounds() {
        Score s = Psfs.score(List.of(new Activity("a", 7), new Activity("b", 5), new Activity("c", 4),
                new Activity("d", 0), new Activity("e", 10)));
        assertEquals(new BigDecimal("5.2"), s.value(), "26 / 5");
        assertEquals(new BigDecimal("5.3"), Psfs.score(List.of(new Activity("a", 7), new Activity("b", 5),
                new Activity("c", 4))).value(), "16 / 3 = 5.33");
        assertEquals(new BigDecimal("3.7"), Psfs.score(List.of(new Activity("a", 2), new Activity("b", 4),
                new Activity("c", 5))).value(), "11 / 3 = 3.67, half up");
    }

    @Test
    void aRiseOfTwoOnTheMeanIsMeaningfulAndAnImprovement() {
        Score baseline = Psfs.score(THREE);
        Change at = Psfs.score(List.of(new Activity("Walking 30 minutes", 6), new Activity("Sitting through a film", 6),
                new Activity("Putting on socks", 6)), baseline).change();
        assertEquals(new BigDecimal("2.0"), at.difference());
        assertTrue(at.meaningful());
        assertEquals(Change.Direction.IMPROVED, at.direction(), "higher is better on the PSFS");

        Change below = Psfs.score(List.of(new Activity("Walking 30 minutes", 6), new Activity("Sitting through a film", 6),
                new Activity("Putting on socks", 5)), baseline).change();
        assertEquals(new BigDecimal("1.7"), below.difference());
        assertEquals(false, below.meaningful());

        Change worse = Psfs.score(List.of(new Activity("Walking 30 minutes", 2), new Activity("Sitting through a film", 2),
                new Activity("Putting on socks", 2)), baseline).change();
        assertEquals(new BigDecimal("-2.0"), worse.difference());
        assertEquals(Change.Direction.WORSENED, worse.direction());
        assertTrue(worse.meaningful());
    }

    @Test
    void differentActivitiesHaveNoChange() {
        // Review of issue 14: 8/8/8 on sitting, walking, bending then 2/2/2 on running, lifting, golf was
        // reported as a meaningful worsening; ratings of different activities cannot be compared.
        Score baseline = Psfs.score(List.of(new Activity("Sitting", 8), new Activity("Walking", 8),
                new Activity("Bending", 8)));
        Score other = Psfs.score(List.of(new Activity("Running", 2), new Activity("Lifting", 2),
                new Activity("Golf", 2)), baseline);
        assertNull(other.change());
        assertEquals(Map.of(), Psfs.activityChanges(baseline, other));
    }

    @Test
    void theMeanChangeIsOverTheActivitiesInCommonOnly() {
        Score baseline = Psfs.score(List.of(new Activity("Sitting", 8), new Activity("Walking", 8),
                new Activity("Bending", 8)));
        // Two in common (names trimmed, any case): their mean 8.0 -> 5.0 is -3, meaningful; the full means
        // (8.0 -> 6.7, -1.3) would not be. Golf, new, takes no part.
        Score current = Psfs.score(List.of(new Activity(" sitting ", 5), new Activity("WALKING", 5),
                new Activity("Golf", 10)), baseline);
        assertEquals(new BigDecimal("6.7"), current.value());
        Change c = current.change();
        assertEquals(new BigDecimal("8.0"), c.baseline());
        assertEquals(new BigDecimal("5.0"), c.current());
        assertEquals(new BigDecimal("-3.0"), c.difference());
        assertTrue(c.meaningful());
        assertEquals(Change.Direction.WORSENED, c.direction());
        Map<String, Change> each = Psfs.activityChanges(baseline, current);
        assertEquals(List.of("sitting", "WALKING"), List.copyOf(each.keySet()), "the current names, trimmed");
        assertEquals(new BigDecimal("-3"), each.get("WALKING").difference());
        assertTrue(each.get("WALKING").meaningful(), "3 points on one activity");

        // One in common rising by 2: the mean change (2.0) is meaningful, the activity's (2) is not.
        Score one = Psfs.score(List.of(new Activity("Bending", 10), new Activity("Golf", 0), new Activity("Swim", 0)),
                baseline);
        assertEquals(new BigDecimal("2.0"), one.change().difference());
        assertTrue(one.change().meaningful());
        assertEquals(false, Psfs.activityChanges(baseline, one).get("Bending").meaningful());
    }

    @Test
    void oneActivityChangesMeaningfullyAtThree() {
        Score baseline = Psfs.score(THREE);
        Score current = Psfs.score(List.of(new Activity("walking 30 minutes ", 6), new Activity("Sitting through a film", 7),
                new Activity("Gardening", 8)));
        Map<String, Change> changes = Psfs.activityChanges(baseline, current);
        assertEquals(List.of("walking 30 minutes", "Sitting through a film"), new ArrayList<>(changes.keySet()),
                "names match ignoring case and outer spaces; a new activity has no change");
        assertEquals(BigDecimal.valueOf(3), changes.get("walking 30 minutes").difference());
        assertTrue(changes.get("walking 30 minutes").meaningful());
        assertEquals(BigDecimal.valueOf(2), changes.get("Sitting through a film").difference());
        assertEquals(false, changes.get("Sitting through a film").meaningful());
    }

    @Test
    void noneOrTwoOrSixActivitiesAreRefused() {
        for (List<Activity> wrong : List.of(List.<Activity>of(), THREE.subList(0, 2),
                List.of(new Activity("a", 1), new Activity("b", 1), new Activity("c", 1), new Activity("d", 1),
                        new Activity("e", 1), new Activity("f", 1)))) {
            OutcomeRefusal r = assertThrows(OutcomeRefusal.class, () -> Psfs.score(wrong));
            assertEquals(List.of("activities"), Answers.fields(r));
            assertEquals(wrong.size() + " activities given; psfs needs 3 to 5", r.errors().get(0).message());
        }
        assertThrows(OutcomeRefusal.class, () -> Psfs.score(null));
    }

    @Test
    void ratingsOutsideZeroToTenAndBadNamesAreRefusedPerActivity() {
        List<Activity> bad = new ArrayList<>(List.of(new Activity("Walking", 11), new Activity(" ", 5),
                new Activity("walking", -1)));
        bad.add(null);
        OutcomeRefusal r = assertThrows(OutcomeRefusal.class, () -> Psfs.score(bad));
        assertEquals(List.of("activities[0].rating", "activities[1].name", "activities[2].name",
                "activities[2].rating", "activities[3]"), Answers.fields(r));
        assertEquals("activity 1 is rated 11; ratings run from 0 to 10", r.errors().get(0).message());
        assertEquals("activity 3 'walking' is named twice", r.errors().get(2).message());
    }

    @Test
    void aBaselineOfAnotherInstrumentIsRefused() {
        Score nprs = Nprs.score(Map.of("nprs-1", "4"));
        assertEquals(List.of("baseline"), Answers.fields(assertThrows(OutcomeRefusal.class,
                () -> Psfs.score(THREE, nprs))));
        assertEquals(List.of("baseline"), Answers.fields(assertThrows(OutcomeRefusal.class,
                () -> Psfs.activityChanges(nprs, Psfs.score(THREE)))));
    }
}
