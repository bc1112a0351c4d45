package app.glide.exercise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

public final class ExerciseDtos {

    private ExerciseDtos() {
    }

    public record CreateExercise(
            @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens") String slug,
            @NotBlank @Size(max = 120) String name,
            @NotNull Category category,
            @NotBlank @Size(max = 300) String summary,
            @NotNull @Size(min = 1, max = 15) List<@NotBlank @Size(max = 500) String> instructions,
            @Size(max = 10) List<@NotBlank @Size(max = 500) String> cautions,
            @NotNull DosageType dosageType,
            @NotNull @Valid Dosage defaultDosage,
            @Size(max = 10) List<@NotBlank @Size(max = 50) String> equipment,
            @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens") String chain,
            @Min(1) @Max(20) Integer chainStep) {
    }
}
