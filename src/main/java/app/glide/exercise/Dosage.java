package app.glide.exercise;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * How much of an exercise: sets, reps, hold, rest, sides, times per day, load, duration.
 * Absent values do not apply to the exercise. Plain value object; the ranges are the
 * clinical limits the API accepts (reps 1–100, holds up to 600 s, …).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dosage(@Min(1) @Max(20) Integer sets,
                     @Min(1) @Max(100) Integer reps,
                     @Min(1) @Max(600) Integer holdSeconds,
                     @Min(0) @Max(600) Integer restSeconds,
                     Side sides,
                     @Min(1) @Max(10) Integer timesPerDay,
                     @Size(max = 50) String load,
                     @Min(1) @Max(180) Integer durationMinutes) {

    public enum Side {
        LEFT, RIGHT, BOTH
    }

    public Integer get(DosageField field) {
        return switch (field) {
            case SETS -> sets;
            case REPS -> reps;
            case HOLD_SECONDS -> holdSeconds;
            case DURATION_MINUTES -> durationMinutes;
        };
    }

    public Dosage with(DosageField field, int value) {
        return switch (field) {
            case SETS -> new Dosage(value, reps, holdSeconds, restSeconds, sides, timesPerDay, load, durationMinutes);
            case REPS -> new Dosage(sets, value, holdSeconds, restSeconds, sides, timesPerDay, load, durationMinutes);
            case HOLD_SECONDS -> new Dosage(sets, reps, value, restSeconds, sides, timesPerDay, load, durationMinutes);
            case DURATION_MINUTES -> new Dosage(sets, reps, holdSeconds, restSeconds, sides, timesPerDay, load, value);
        };
    }

    /**
     * The dosage at {@code percent} % (a flare-up plan at 70 %, say): reps, hold and
     * duration scale, rounded, never below 1; sets, rest and frequency stay.
     */
    public Dosage scaled(int percent) {
        if (percent == 100) {
            return this;
        }
        return new Dosage(sets, scale(reps, percent), scale(holdSeconds, percent), restSeconds, sides, timesPerDay,
                load, scale(durationMinutes, percent));
    }

    private static Integer scale(Integer value, int percent) {
        return value == null ? null : Math.max(1, (int) Math.round(value * percent / 100.0));
    }
}
