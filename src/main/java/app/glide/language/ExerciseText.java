package app.glide.language;

import java.util.List;

/** The patient-facing text of an exercise in one language; in a translation, a null field falls back. Plain Java. */
public record ExerciseText(String name, String summary, List<String> instructions, List<String> cautions) {
}
