package app.glide.visit;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the visit endpoints (see openapi.yaml). */
public final class VisitDtos {

    private VisitDtos() {
    }

    public enum Kind { EVALUATION, FOLLOW_UP, DISCHARGE }

    /** A new visit. */
    public record VisitRequest(
            @NotNull Kind kind,
            @NotNull LocalDate visitDate,
            @Valid Findings findings,
            @Size(max = 20) List<@NotNull @Valid Intervention> interventions,
            LocalDate nextVisitOn,
            @Size(max = 2000) String patientNote,
            @Size(max = 4000) String clinicalNote) {
    }

    /** The whole new content of a visit, and why it is amended. */
    public record AmendmentRequest(
            @NotNull Kind kind,
            @NotNull LocalDate visitDate,
            @Valid Findings findings,
            @Size(max = 20) List<@NotNull @Valid Intervention> interventions,
            LocalDate nextVisitOn,
            @Size(max = 2000) String patientNote,
            @Size(max = 4000) String clinicalNote,
            @NotNull @VisibleText @Size(max = 500) String reason) {

        VisitRequest content() {
            return new VisitRequest(kind, visitDate, findings, interventions, nextVisitOn, patientNote, clinicalNote);
        }
    }

    /** A visit in a list: what it was and when, not its findings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VisitSummary(UUID id, Kind kind, LocalDate visitDate, int currentVersion, Instant createdAt,
                               UUID createdBy, LocalDate nextVisitOn, List<Intervention.Type> interventionTypes) {
    }

    /** A visit with its current version in full, who wrote each version and why, and the plan revisions that point to it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VisitView(UUID id, UUID patientId, Kind kind, LocalDate visitDate, int currentVersion,
                            Instant createdAt, UUID createdBy, Findings findings, List<Intervention> interventions,
                            LocalDate nextVisitOn, String patientNote, String clinicalNote, List<VersionInfo> versions,
                            List<PlanRevisionLink> planRevisions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionInfo(int version, Instant writtenAt, UUID writtenBy, String reason) {
    }

    public record PlanRevisionLink(UUID planId, int revision, Instant createdAt) {
    }

    /** What the patient sees of a visit: never the findings or the clinical note. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PatientVisit(UUID id, Kind kind, LocalDate visitDate, LocalDate nextVisitOn, String patientNote,
                               List<CareInstructions.Instruction> careInstructions) {
    }
}
