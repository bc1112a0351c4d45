package app.glide.safety;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/** The red-flag check-in's request and answer (POST /v1/me/red-flags). */
public final class RedFlagDtos {

    private RedFlagDtos() {
    }

    /** The red-flag questions (domain notes): any true answer is positive. */
    public record RedFlagRequest(
            @NotNull Boolean saddleNumbness,
            @NotNull Boolean bladderOrBowelChange,
            @NotNull Boolean symptomsInBothLegs,
            @NotNull Boolean worseningLegWeakness,
            @NotNull Boolean footDrop,
            Boolean feverOrUnwell,
            Boolean unexplainedWeightLoss,
            Boolean nightPainUnrelatedToMovement,
            Boolean recentTrauma) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RedFlagResponse(UUID id, boolean positive, boolean seekUrgentCare, String message,
                                  List<String> positiveAnswers) {
    }
}
