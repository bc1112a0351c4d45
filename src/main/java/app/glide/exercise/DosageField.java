package app.glide.exercise;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The dosage values a progression can step. JSON names match the {@link Dosage} fields. */
public enum DosageField {
    SETS("sets", 1, 20),
    REPS("reps", 1, 100),
    HOLD_SECONDS("holdSeconds", 1, 600),
    DURATION_MINUTES("durationMinutes", 1, 180);

    private final String json;
    public final int min;
    public final int max;

    DosageField(String json, int min, int max) {
        this.json = json;
        this.min = min;
        this.max = max;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static DosageField of(String json) {
        for (DosageField f : values()) {
            if (f.json.equals(json)) {
                return f;
            }
        }
        throw new IllegalArgumentException("must be one of sets, reps, holdSeconds, durationMinutes");
    }
}
