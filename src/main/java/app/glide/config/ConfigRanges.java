package app.glide.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The ranges of numeric settings, checked in plain Java when the service starts: a value out of
 * range refuses the start, naming the property and its range. Not Bean Validation constraints on
 * the config mappings: one constraint on any mapping makes Quarkus build a Hibernate Validator
 * factory for the configuration in its static init, about a fifth of the main thread's start
 * (docs/benchmarks.md "Start time").
 */
public final class ConfigRanges {

    private final List<String> violations = new ArrayList<>();

    /** Notes {@code property} as out of range unless {@code min <= value <= max}. */
    public ConfigRanges check(String property, long value, long min, long max) {
        if (value < min || value > max) {
            violations.add(property + " is " + value + ": it must be " + range(min, max));
        }
        return this;
    }

    /** Notes {@code property} as out of range unless {@code min <= value <= max} (NaN is out of every range). */
    public ConfigRanges check(String property, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            violations.add(property + " is " + value + ": it must be between " + min + " and " + max);
        }
        return this;
    }

    /** Like {@link #check(String, long, long, long)} with no upper bound. */
    public ConfigRanges atLeast(String property, long value, long min) {
        return check(property, value, min, Long.MAX_VALUE);
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Refuses the start when a value is out of range, with every violation in the message. */
    public void require() {
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Cannot start: " + String.join("; ", violations));
        }
    }

    private static String range(long min, long max) {
        return max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
    }
}
