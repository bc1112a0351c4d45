package app.glide.exercise;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/** An exercise with its patient-facing content (schema Exercise). Immutable, cacheable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExerciseView(UUID id, String slug, String name, Category category, String summary,
                           List<String> instructions, List<String> cautions, DosageType dosageType,
                           Dosage defaultDosage, List<String> equipment, String imageUrl, String videoUrl,
                           String chain, Integer chainStep, String easierSlug, String harderSlug,
                           boolean clinicOwned) {
}
