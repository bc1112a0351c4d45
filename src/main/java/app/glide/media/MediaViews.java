package app.glide.media;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of the media endpoints (see openapi.yaml, tag Media). */
public final class MediaViews {

    private MediaViews() {
    }

    public enum Purpose {
        EXERCISE, EDUCATION, PERSONAL
    }

    public record CreateMedia(
            @NotNull @Size(max = 100) String contentType,
            @NotNull @Min(1) Long bytes,
            @NotNull @Pattern(regexp = "^[0-9a-fA-F]{64}$", message = "must be 64 hex digits") String sha256,
            Purpose purpose,
            UUID patientId,
            @Size(min = 1, max = 200) String filename) {
    }

    public record AttachMedia(@NotNull UUID mediaId) {
    }

    /** One media item as staff see it. Never a URL: {@link Download} carries one when asked for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MediaView(UUID id, String state, String contentType, AcceptedType.Kind kind, long bytes, String sha256,
                            Purpose purpose, UUID patientId, String filename, Long durationMs, Instant createdAt,
                            Instant uploadExpiresAt, Instant completedAt, String rejectedAs) {
    }

    /** A presigned request: send exactly these headers. */
    public record SignedRequest(String method, URI url, Map<String, String> headers, Instant expiresAt) {
    }

    public record UploadTicket(MediaView media, SignedRequest upload) {
    }

    /** A fresh download URL for one media item. */
    public record Download(UUID mediaId, String contentType, long bytes, String sha256, URI url, Instant expiresAt) {
    }

    /** An exercise's or card's media in this clinic. */
    public record Attachment(AcceptedType.Kind kind, UUID mediaId, Instant attachedAt) {
    }

    public record Attachments(List<Attachment> items) {
    }

    /**
     * One item of the patient's media manifest: what to download, how to verify it, and what uses it.
     * The URL and its expiry change on every 200 of the plan; the rest is covered by the plan's ETag.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ManifestItem(UUID id, String contentType, AcceptedType.Kind kind, long bytes, String sha256,
                               Long durationMs, URI url, Instant urlExpiresAt, List<UUID> exerciseIds,
                               List<UUID> educationCardIds, List<UUID> planItemIds) {
    }

    static String hex(byte[] sha256) {
        return HexFormat.of().formatHex(sha256);
    }
}
