package app.glide.session;

import app.glide.symptom.SymptomChange;
import app.glide.symptom.SymptomExtent;
import app.glide.web.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Bodies of the session endpoints (see openapi.yaml). */
public final class SessionDtos {

    public static final int MAX_BATCH = 100;
    public static final int MAX_NOTE = 1000;

    private SessionDtos() {
    }

    public enum ItemStatus {
        DONE, PARTIAL, SKIPPED
    }

    public enum SkipReason {
        PAIN, NO_TIME, TOO_HARD, FORGOT, OTHER
    }

    public record SessionRequest(
            @NotNull UUID planId,
            @NotNull @Min(1) Integer planRevision,
            @NotNull OffsetDateTime startedAt,
            @NotNull OffsetDateTime endedAt,
            @NotNull @Min(0) @Max(10) Integer painBefore,
            @NotNull @Min(0) @Max(10) Integer painPeak,
            @NotNull @Min(0) @Max(10) Integer painAfter,
            @NotNull @Min(0) @Max(10) Integer difficulty,
            @NotNull SymptomExtent symptomExtent,
            @NotNull @Size(max = 20) List<@NotNull @Valid ItemResult> items,
            @Size(max = MAX_NOTE) String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(
            @NotNull UUID itemId,
            @NotNull ItemStatus status,
            @Min(0) @Max(20) Integer sets,
            @Min(0) @Max(100) Integer reps,
            @Min(0) @Max(600) Integer holdSeconds,
            @Min(0) @Max(180) Integer durationMinutes,
            SkipReason skipReason) {
    }

    public record BatchRequest(@NotNull @Size(min = 1, max = MAX_BATCH) List<@NotNull BatchSession> sessions) {
    }

    /** A session in a batch: its id and the same fields as a single PUT. */
    public record BatchSession(UUID id, UUID planId, Integer planRevision, OffsetDateTime startedAt,
                               OffsetDateTime endedAt, Integer painBefore, Integer painPeak, Integer painAfter,
                               Integer difficulty, SymptomExtent symptomExtent, List<ItemResult> items, String note) {
        SessionRequest request() {
            return new SessionRequest(planId, planRevision, startedAt, endedAt, painBefore, painPeak, painAfter,
                    difficulty, symptomExtent, items, note);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchResult(UUID id, int status, SessionView session, Problem problem) {
    }

    public record BatchResponse(List<BatchResult> results) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionView(UUID id, UUID planId, int planRevision, OffsetDateTime startedAt, OffsetDateTime endedAt,
                              LocalDate localDate, int painBefore, int painPeak, int painAfter, int difficulty,
                              SymptomExtent symptomExtent, SymptomChange symptomChange, double completion,
                              List<ItemResult> items, String note, Instant receivedAt, Instant changedAt,
                              MorningCheckView morningCheck, List<CommentView> comments) {
    }

    public record CommentView(UUID id, UUID authorId, String authorName, String body, Instant createdAt) {
    }

    public record MorningCheckRequest(@NotNull MorningAnswer answer, @NotNull @Min(0) @Max(10) Integer pain) {
    }

    public enum MorningAnswer {
        BETTER, SAME, WORSE
    }

    public record MorningCheckView(MorningAnswer answer, int pain, Instant createdAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionPage(List<SessionView> items, String nextCursor, Instant nextSince) {
    }

    public record CommentRequest(@NotBlank @Size(max = 2000) String body) {
    }
}
