package app.glide.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Patient-Specific Functional Scale (Stratford et al., Physiotherapy Canada 1995;47:258-263): the
 * patient names 3 to 5 activities they find hard because of their back and rates each from 0
 * (cannot do it) to 10 (can do it as well as before the problem). Score = mean of the ratings, one
 * decimal, half up; the ratings are kept as subscores under the activity's name. No bands. The
 * change is taken over the activities named in both responses only (a patient may name others
 * later): 2 or more on their mean is meaningful, for one activity 3 or more (minimum detectable
 * change, 90 % confidence); with none in common there is no change. Fewer than 3 or more than 5 activities, blank or repeated names, and
 * ratings outside 0-10 are refused. Plain Java.
 */
public final class Psfs {

    public static final String ID = "psfs";
    public static final int MIN_ACTIVITIES = 3;
    public static final int MAX_ACTIVITIES = 5;
    public static final int MAX_RATING = 10;
    public static final BigDecimal MEANINGFUL_CHANGE = BigDecimal.valueOf(2);
    public static final BigDecimal MEANINGFUL_ACTIVITY_CHANGE = BigDecimal.valueOf(3);

    /** Our own words: the question the phone shows for each activity. */
    public static final String QUESTION = "Name an activity your back or leg makes hard, and rate how well you can"
            + " do it today: 0 = not at all, 10 = as well as before the problem";

    public static final InstrumentDefinition DEFINITION = new InstrumentDefinition(ID,
            "Patient-Specific Functional Scale",
            IntStream.rangeClosed(1, MAX_ACTIVITIES)
                    .mapToObj(i -> new Item("activity-" + i, Item.numbered(MAX_RATING), QUESTION)).toList(),
            MIN_ACTIVITIES, false);

    /** One activity the patient named, and its rating. */
    public record Activity(String name, int rating) {
    }

    private Psfs() {
    }

    public static Score score(List<Activity> activities) {
        check(activities);
        Map<String, BigDecimal> ratings = new LinkedHashMap<>();
        int sum = 0;
        for (Activity a : activities) {
            ratings.put(a.name().trim(), BigDecimal.valueOf(a.rating()));
            sum += a.rating();
        }
        BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(activities.size()), 1, RoundingMode.HALF_UP);
        return new Score(ID, mean, null, ratings, activities.size(), null);
    }

    /**
     * The score with the change of its mean against the baseline over the activities named in both
     * (see {@link #change}); no change when they have none in common.
     */
    public static Score score(List<Activity> activities, Score baseline) {
        AnswerSheet.baselineValue(DEFINITION, baseline);
        Score s = score(activities);
        return s.withChange(change(baseline, s));
    }

    /**
     * The change of the mean over the activities rated in both responses (names matched ignoring
     * case and outer spaces): the mean of their current ratings against the mean of their baseline
     * ratings, each one decimal half up; 2 points is meaningful. {@code null} when no activity is
     * in both: the ratings of different activities cannot be compared.
     */
    public static Change change(Score baseline, Score current) {
        AnswerSheet.baselineValue(DEFINITION, baseline);
        AnswerSheet.baselineValue(DEFINITION, current);
        Map<String, Change> common = activityChanges(baseline, current);
        if (common.isEmpty()) {
            return null;
        }
        BigDecimal then = BigDecimal.ZERO;
        BigDecimal now = BigDecimal.ZERO;
        for (Change c : common.values()) {
            then = then.add(c.baseline());
            now = now.add(c.current());
        }
        BigDecimal n = BigDecimal.valueOf(common.size());
        return Change.of(then.divide(n, 1, RoundingMode.HALF_UP), now.divide(n, 1, RoundingMode.HALF_UP),
                MEANINGFUL_CHANGE, false);
    }

    /**
     * The change of each activity rated in both responses (names matched ignoring case and outer
     * spaces), keyed by the current response's name; 3 points is meaningful. Activities rated in
     * only one of them have no change.
     */
    public static Map<String, Change> activityChanges(Score baseline, Score current) {
        AnswerSheet.baselineValue(DEFINITION, baseline);
        AnswerSheet.baselineValue(DEFINITION, current);
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        baseline.subscores().forEach((name, rating) -> before.put(key(name), rating));
        Map<String, Change> changes = new LinkedHashMap<>();
        current.subscores().forEach((name, rating) -> {
            BigDecimal then = before.get(key(name));
            if (then != null) {
                changes.put(name, Change.of(then, rating, MEANINGFUL_ACTIVITY_CHANGE, false));
            }
        });
        return changes;
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static void check(List<Activity> activities) {
        if (activities == null || activities.size() < MIN_ACTIVITIES || activities.size() > MAX_ACTIVITIES) {
            int n = activities == null ? 0 : activities.size();
            throw OutcomeRefusal.of(ID, "activities", n + " activities given; " + ID + " needs "
                    + MIN_ACTIVITIES + " to " + MAX_ACTIVITIES);
        }
        List<AnswerError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < activities.size(); i++) {
            Activity a = activities.get(i);
            String field = "activities[" + i + "]";
            if (a == null) {
                errors.add(new AnswerError(field, "activity " + (i + 1) + " is missing"));
                continue;
            }
            if (a.name() == null || a.name().isBlank()) {
                errors.add(new AnswerError(field + ".name", "activity " + (i + 1) + " has no name"));
            } else if (!seen.add(key(a.name()))) {
                errors.add(new AnswerError(field + ".name", "activity " + (i + 1) + " '" + a.name().trim()
                        + "' is named twice"));
            }
            if (a.rating() < 0 || a.rating() > MAX_RATING) {
                errors.add(new AnswerError(field + ".rating", "activity " + (i + 1) + " is rated " + a.rating()
                        + "; ratings run from 0 to " + MAX_RATING));
            }
        }
        if (!errors.isEmpty()) {
            throw new OutcomeRefusal(ID, errors);
        }
    }
}
