package app.glide.visit;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What the therapist found at a visit (openapi.yaml {@code VisitFindings}). Every part is
 * optional: a follow-up records what was tested that day. Ranges are checked by Bean
 * Validation (400 naming the field); rules across fields in {@link VisitRules}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Findings(
        @Size(max = 10) List<@NotNull @Valid PainArea> painDistribution,
        @Min(0) @Max(10) Integer worstPain,
        @Min(0) @Max(10) Integer leastPain,
        @Valid StraightLegRaise straightLegRaise,
        @Valid Slump slump,
        Boolean crossedSlrPositive,
        @Valid NeuroScreen neuro,
        @Valid LumbarRom lumbarRom,
        @Valid RepeatedMovements repeatedMovements,
        @Valid WorkingClassification workingClassification,
        @Size(max = 10) List<@NotNull @VisibleText @Size(max = 200) String> functionalGoals) {

    public enum Region { BACK, BUTTOCK, THIGH, CALF, FOOT }

    public enum Side { LEFT, RIGHT, BOTH, CENTRAL }

    public enum TestResult { POSITIVE, NEGATIVE, NOT_TESTED }

    public enum Sensation { NORMAL, REDUCED, ABSENT, INCREASED }

    /** Lumbar range of motion on a graded scale (not degrees: what a clinic records by eye). */
    public enum RomGrade { FULL, REDUCED_MILD, REDUCED_MODERATE, REDUCED_SEVERE }

    public enum DirectionalPreference { EXTENSION, FLEXION, LATERAL_SHIFT_LEFT, LATERAL_SHIFT_RIGHT, NONE }

    public enum Category { RADICULAR_PAIN, REFERRED_PAIN, RADICULOPATHY, OTHER }

    public enum Level { L3, L4, L5, S1 }

    public record PainArea(@NotNull Region region, @NotNull Side side) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StraightLegRaise(@Valid SlrSide left, @Valid SlrSide right) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SlrSide(@NotNull @Min(0) @Max(90) Integer angleDegrees, Boolean reproducesLegSymptoms) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Slump(TestResult left, TestResult right) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NeuroScreen(@Valid Myotomes myotomes, @Valid Reflexes reflexes, @Valid Dermatomes sensation) {
    }

    /** Strength per myotome, 0 (no contraction) to 5 (normal), per side. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Myotomes(@Valid Strength l2, @Valid Strength l3, @Valid Strength l4, @Valid Strength l5,
                           @Valid Strength s1) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Strength(@Min(0) @Max(5) Integer left, @Min(0) @Max(5) Integer right) {
    }

    /** Knee (L4) and ankle (S1) reflexes, 0 absent, 1 reduced, 2 normal, 3 brisk, 4 clonus. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reflexes(@Valid ReflexGrade knee, @Valid ReflexGrade ankle) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReflexGrade(@Min(0) @Max(4) Integer left, @Min(0) @Max(4) Integer right) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dermatomes(@Valid SensationPair l2, @Valid SensationPair l3, @Valid SensationPair l4,
                             @Valid SensationPair l5, @Valid SensationPair s1) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SensationPair(Sensation left, Sensation right) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LumbarRom(RomGrade flexion, RomGrade extension, RomGrade sideBendLeft, RomGrade sideBendRight,
                            RomGrade rotationLeft, RomGrade rotationRight) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RepeatedMovements(
            @Size(max = 10) List<@NotNull @VisibleText @Size(max = 100) String> movementsTested,
            DirectionalPreference directionalPreference, Boolean centralised) {
    }

    /** The level is required for RADICULOPATHY ({@link VisitRules}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkingClassification(@NotNull Category category, Level level, Side side) {
    }
}
