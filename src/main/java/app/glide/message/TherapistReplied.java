package app.glide.message;

import java.util.UUID;

/**
 * A domain event, fired synchronously in the transaction that wrote a therapist's message, after
 * the insert: features that follow the conversation (the push outbox) react in the same
 * transaction without message/ depending on them.
 */
public record TherapistReplied(UUID patientId, UUID messageId) {
}
