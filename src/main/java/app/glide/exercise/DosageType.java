package app.glide.exercise;

/** How an exercise is dosed: counted repetitions, timed holds, or minutes (walking). */
public enum DosageType {
    REPS, HOLD, DURATION;

    /** Whether a dosage gives what this type needs (reps, a hold in seconds, or minutes). */
    public boolean fits(Dosage d) {
        return switch (this) {
            case REPS -> d.reps() != null;
            case HOLD -> d.holdSeconds() != null;
            case DURATION -> d.durationMinutes() != null;
        };
    }

    public String needs() {
        return switch (this) {
            case REPS -> "reps";
            case HOLD -> "holdSeconds";
            case DURATION -> "durationMinutes";
        };
    }
}
