package app.glide.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The conversation's requests and views. */
public final class MessageDtos {

    private MessageDtos() {
    }

    /** Who wrote a message: the patient, a therapist, the system, or a therapist's session comment. */
    public enum Kind {
        PATIENT, THERAPIST, SYSTEM, SESSION_COMMENT
    }

    /** A message to send; the body is checked by {@link MessageText} (stored exactly as sent). */
    public record MessageRequest(@NotNull String body) {
    }

    /** One entry of the conversation. {@code sessionId} for SESSION_COMMENT, {@code inReplyTo} for SYSTEM. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessageView(UUID id, Kind kind, String body, Instant createdAt, UUID authorId, String authorName,
                              UUID sessionId, UUID inReplyTo) {
    }

    /**
     * A page of the conversation, oldest first. {@code unreadCount} counts, for the caller, what
     * the other side wrote after the caller's read marker (the whole conversation, not the page).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessagePage(List<MessageView> items, String nextCursor, Instant nextSince, int unreadCount,
                              Instant readUpTo, boolean messagingEnabled, int replyHours) {
    }

    /** The patient's PUT: the stored message, and whether the phone should open the red-flag check-in now. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PatientMessageResult(MessageView message, boolean redFlagCheckInRequested, MessageView systemReply) {
    }

    /** Marks read up to a message of the conversation, or up to a time (exactly one of the two). */
    public record ReadRequest(UUID messageId, OffsetDateTime upTo) {
    }

    /** The caller's marker after the change, and what is still unread. */
    public record ReadState(Instant readUpTo, int unreadCount) {
    }
}
