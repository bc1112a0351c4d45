package app.glide.message;

import app.glide.language.RuleTexts;
import app.glide.language.RuleLanguage;
import app.glide.access.Caller;
import app.glide.alert.AlertKind;
import app.glide.alert.AlertService;
import app.glide.audit.AuditLog;
import app.glide.db.ContentHash;
import app.glide.db.Sql;
import app.glide.message.MessageDtos.Kind;
import app.glide.message.MessageDtos.MessageView;
import app.glide.message.MessageDtos.PatientMessageResult;
import app.glide.message.MessageDtos.ReadRequest;
import app.glide.message.MessageDtos.ReadState;
import app.glide.patient.PatientAccess;
import app.glide.web.ApiProblem;
import app.glide.web.PatientLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writing to a conversation: the patient's message (idempotent by the phone's UUID, like a
 * session: the same body again answers the stored message, a different body is a 409), a
 * therapist's message, and read markers. Every write takes the patient's lock first
 * ({@link PatientLocks}), then reads the clock, so a conversation's times follow its commit
 * order. A patient message that mentions a red flag ({@link RedFlagPhrases}) gets, in the same
 * transaction, the SYSTEM prompt to complete the red-flag check-in and a RED_FLAG_MESSAGE alert
 * whose cause is the message id (a replay never alerts twice).
 */
@ApplicationScoped
@Transactional
public class MessageCommands {

    /**
     * The system's answer to a red-flag mention: it asks for the check-in and says the care team
     * was told; it gives no clinical advice of its own (the check-in's result does that). In
     * English here; stored in the patient's language ({@link RuleTexts} {@code message.redFlagPrompt}).
     */
    public static final String RED_FLAG_PROMPT = "Your message mentions symptoms that your care team asks about"
            + " straight away. Please complete the red-flag check-in in the app now. Your care team has been told"
            + " about your message.";

    @Inject
    Caller caller;

    @Inject
    RuleLanguage ruleLanguage;

    @Inject
    PatientAccess access;

    @Inject
    Conversation conversation;

    @Inject
    RedFlagPhraseList redFlags;

    @Inject
    AlertService alerts;

    @Inject
    AuditLog audit;

    @Inject
    PatientLocks locks;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Inject
    Event<TherapistReplied> replied;

    public record Sent(PatientMessageResult result, boolean created) {
    }

    /** The patient's message under the phone's id; the body was checked by {@link MessageText}. */
    public Sent sendAsPatient(UUID id, String body) {
        UUID patientId = caller.userId();
        locks.lockWritable(patientId);
        Conversation.Messaging messaging = requireEnabled(patientId);
        byte[] hash = ContentHash.sha256(body);
        Instant now = clock.instant();
        int inserted = sql.update("""
                insert into message (id, patient_id, clinic_id, kind, author_id, body, body_hash, created_at)
                values (?, ?, ?, 'PATIENT', ?, ?, ?, ?)
                on conflict (patient_id, id) do nothing""",
                id, patientId, messaging.clinicId(), patientId, body, hash, now);
        if (inserted == 0) {
            byte[] stored = sql.first("select body_hash from message where patient_id = ? and id = ?",
                    rs -> rs.getBytes(1), patientId, id).orElse(null);
            if (stored == null || !Arrays.equals(stored, hash)) {
                throw ApiProblem.conflict("message-conflict", "Message id already used",
                        "A different message was already sent under id " + id + "; give every message its own UUID.");
            }
            MessageView message = conversation.find(patientId, id).orElseThrow();
            MessageView reply = conversation.systemReplyTo(patientId, id).orElse(null);
            return new Sent(new PatientMessageResult(message, reply != null, reply), false);
        }
        audit.record("message", id, "sent", Map.of("kind", Kind.PATIENT.name(), "length", body.length()));
        List<RedFlagPhrases.Match> found = redFlags.phrases().find(body);
        MessageView reply = null;
        if (!found.isEmpty()) {
            reply = redFlagReply(messaging, patientId, id, now, found);
        }
        MessageView message = conversation.find(patientId, id).orElseThrow();
        return new Sent(new PatientMessageResult(message, reply != null, reply), true);
    }

    private MessageView redFlagReply(Conversation.Messaging messaging, UUID patientId, UUID messageId, Instant at,
                                     List<RedFlagPhrases.Match> found) {
        // Derived from the patient's message id, and a microsecond later so it sorts after it.
        UUID replyId = UUID.nameUUIDFromBytes(("red-flag-prompt:" + patientId + ":" + messageId)
                .getBytes(StandardCharsets.UTF_8));
        sql.update("""
                insert into message (id, patient_id, clinic_id, kind, author_id, body, reply_to, created_at)
                values (?, ?, ?, 'SYSTEM', null, ?, ?, ?)""",
                replyId, patientId, messaging.clinicId(),
                RuleTexts.text(ruleLanguage.of(patientId), "message.redFlagPrompt"), messageId,
                at.plus(1, ChronoUnit.MICROS));
        List<String> symptoms = found.stream().map(RedFlagPhrases.Match::symptom).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("messageId", messageId.toString());
        details.put("symptoms", symptoms);
        details.put("phrases", found.stream().map(RedFlagPhrases.Match::phrase).toList());
        alerts.raise(messaging.clinicId(), patientId, AlertKind.RED_FLAG_MESSAGE, "message:" + messageId,
                "A message from the patient mentions red-flag symptoms (" + String.join(", ", symptoms).toLowerCase()
                        .replace('_', ' ') + "); the patient was asked to complete the red-flag check-in.",
                details, true);
        return conversation.find(patientId, replyId).orElseThrow();
    }

    /** A care-team therapist's message (the caller must be on the care team; the id is the server's). */
    public MessageView sendAsTherapist(UUID patientId, String body) {
        UUID id = access.require(patientId).id;
        locks.lockWritable(id);
        Conversation.Messaging messaging = requireEnabled(id);
        UUID messageId = UUID.randomUUID();
        sql.update("""
                insert into message (id, patient_id, clinic_id, kind, author_id, body, created_at)
                values (?, ?, ?, 'THERAPIST', ?, ?, ?)""",
                messageId, id, messaging.clinicId(), caller.userId(), body, clock.instant());
        audit.record("message", messageId, "sent", Map.of("kind", Kind.THERAPIST.name(), "patientId", id.toString(),
                "length", body.length()));
        replied.fire(new TherapistReplied(id, messageId));
        return conversation.find(id, messageId).orElseThrow();
    }

    /**
     * Moves the caller's marker in the patient's conversation forward (never back): up to a
     * message of the conversation, or up to a time (a future time counts as now).
     */
    public ReadState markRead(UUID patientId, boolean patientReads, ReadRequest r) {
        UUID id = patientReads ? caller.userId() : access.require(patientId).id;
        Instant now = clock.instant();
        Instant upTo;
        if (r.messageId() != null) {
            upTo = conversation.find(id, r.messageId()).orElseThrow(() -> ApiProblem.notFound("message", r.messageId()))
                    .createdAt();
        } else {
            Instant t = r.upTo().toInstant().truncatedTo(ChronoUnit.MICROS);
            upTo = t.isAfter(now) ? now : t;
        }
        sql.update("""
                insert into message_read (patient_id, reader_id, read_up_to, updated_at) values (?, ?, ?, ?)
                on conflict (patient_id, reader_id) do update
                set read_up_to = greatest(message_read.read_up_to, excluded.read_up_to), updated_at = excluded.updated_at""",
                id, caller.userId(), upTo, now);
        Conversation.Marker m = conversation.marker(id, caller.userId(), patientReads);
        return new ReadState(m.readUpTo(), m.unread());
    }

    private Conversation.Messaging requireEnabled(UUID patientId) {
        Conversation.Messaging messaging = conversation.messaging(patientId);
        if (!messaging.enabled()) {
            throw ApiProblem.conflict("messaging-disabled", "Messaging is off",
                    "The clinic has turned messaging off; nothing was sent. Contact the clinic by phone.");
        }
        return messaging;
    }
}
