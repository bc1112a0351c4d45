package app.glide.fhir;

import app.glide.exercise.Dosage;
import java.util.ArrayList;
import java.util.List;

/** A dosage as one line a patient (or another system's clinician) reads, e.g. "3 sets × 10 reps, hold 5 s". Plain Java. */
final class DoseText {

    private DoseText() {
    }

    static String of(Dosage d) {
        List<String> parts = new ArrayList<>();
        if (d.sets() != null && d.reps() != null) {
            parts.add(d.sets() + " sets × " + d.reps() + " reps");
        } else if (d.sets() != null) {
            parts.add(d.sets() + " sets");
        } else if (d.reps() != null) {
            parts.add(d.reps() + " reps");
        }
        if (d.holdSeconds() != null) {
            parts.add("hold " + d.holdSeconds() + " s");
        }
        if (d.durationMinutes() != null) {
            parts.add(d.durationMinutes() + " min");
        }
        if (d.restSeconds() != null) {
            parts.add("rest " + d.restSeconds() + " s");
        }
        if (d.sides() != null) {
            parts.add(switch (d.sides()) {
                case LEFT -> "left side";
                case RIGHT -> "right side";
                case BOTH -> "both sides";
            });
        }
        if (d.load() != null) {
            parts.add("load " + d.load());
        }
        if (d.timesPerDay() != null) {
            parts.add(d.timesPerDay() + " times a day");
        }
        return String.join(", ", parts);
    }
}
