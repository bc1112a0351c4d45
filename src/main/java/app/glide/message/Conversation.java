package app.glide.message;

import app.glide.db.Sql;
import app.glide.message.MessageDtos.Kind;
import app.glide.message.MessageDtos.MessagePage;
import app.glide.message.MessageDtos.MessageView;
import app.glide.web.PageCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading a patient's conversation: the messages and the care team's session comments
 * (session_comment, read with plain SQL) merged by time, oldest first, with the caller's read
 * marker and unread count. Messages never change once written, so the delta sync is by creation
 * time: a page's {@code nextSince} (or {@code nextCursor}) picks up where it ended. Writes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Conversation {

    /** Sorts after every id: {@code (t, MAX)} as a lower bound means "after t". */
    private static final UUID MAX_ID = new UUID(-1L, -1L);

    /** What the patient reads as written by the other side (their own messages never count as unread). */
    static final String FOR_PATIENT = "('THERAPIST', 'SYSTEM')";
    /** What a therapist reads as unread: the patient's messages. */
    static final String FOR_CARE_TEAM = "('PATIENT')";

    @Inject
    Sql sql;

    /** The clinic's messaging setting for a patient, with the patient's clinic. */
    public record Messaging(UUID clinicId, boolean enabled, int replyHours) {
    }

    public Messaging messaging(UUID patientId) {
        return sql.first("""
                select p.clinic_id, coalesce(cs.messaging_enabled, true), coalesce(cs.messaging_reply_hours, ?)
                from patient p left join clinic_settings cs on cs.clinic_id = p.clinic_id where p.id = ?""",
                rs -> new Messaging(Sql.uuid(rs, 1), rs.getBoolean(2), rs.getInt(3)),
                app.glide.clinic.ClinicSettings.DEFAULT_MESSAGING_REPLY_HOURS, patientId)
                .orElseThrow(() -> new IllegalStateException("no patient row " + patientId));
    }

    /** A page of the conversation after {@code since} or the cursor, for {@code readerId}. */
    public MessagePage page(UUID patientId, UUID readerId, boolean patientReads, Instant since, String cursor,
                            int limit) {
        Optional<PageCursor> after = PageCursor.decodeUuid(cursor);
        Instant t = after.map(PageCursor::instant).orElse(since == null ? Instant.EPOCH : since);
        UUID id = after.map(PageCursor::uuid).orElse(since == null ? new UUID(0, 0) : MAX_ID);
        List<MessageView> rows = sql.list(SELECT + """
                where m.patient_id = ? and (m.created_at, m.id) > (?, ?)
                union all
                """ + SELECT_COMMENTS + """
                where c.patient_id = ? and (c.created_at, c.id) > (?, ?)
                order by 4, 1
                limit ?""", Conversation::view, patientId, t, id, patientId, t, id, limit + 1);
        boolean more = rows.size() > limit;
        List<MessageView> shown = more ? rows.subList(0, limit) : rows;
        MessageView last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        String next = more ? new PageCursor(last.createdAt().toString(), last.id().toString()).encode() : null;
        Instant nextSince = last == null ? since : last.createdAt();
        Marker marker = marker(patientId, readerId, patientReads);
        Messaging m = messaging(patientId);
        return new MessagePage(List.copyOf(shown), next, nextSince, marker.unread(), marker.readUpTo(), m.enabled(),
                m.replyHours());
    }

    /** The reader's marker and how many entries the other side wrote after it. */
    public record Marker(Instant readUpTo, int unread) {
    }

    public Marker marker(UUID patientId, UUID readerId, boolean patientReads) {
        String query = """
                select r.read_up_to,
                       (select count(*) from message m where m.patient_id = one.p and m.kind in %s
                        and m.created_at > coalesce(r.read_up_to, '-infinity'))::int,
                       (select count(*) from session_comment c where %s and c.patient_id = one.p
                        and c.created_at > coalesce(r.read_up_to, '-infinity'))::int
                from (select cast(? as uuid) as p) one
                left join message_read r on r.patient_id = one.p and r.reader_id = ?"""
                .formatted(patientReads ? FOR_PATIENT : FOR_CARE_TEAM, patientReads ? "true" : "false");
        return sql.first(query, rs -> new Marker(Sql.instant(rs, 1), rs.getInt(2) + rs.getInt(3)), patientId, readerId)
                .orElseThrow();
    }

    /** One entry of the conversation by id (a message or a session comment), if the patient has it. */
    public Optional<MessageView> find(UUID patientId, UUID id) {
        return sql.first(SELECT + """
                where m.patient_id = ? and m.id = ?
                union all
                """ + SELECT_COMMENTS + """
                where c.patient_id = ? and c.id = ?
                order by 4, 1 limit 1""", Conversation::view, patientId, id, patientId, id);
    }

    /** The SYSTEM message that answered a patient message, if any. */
    public Optional<MessageView> systemReplyTo(UUID patientId, UUID messageId) {
        return sql.first(SELECT + " where m.patient_id = ? and m.kind = 'SYSTEM' and m.reply_to = ?",
                Conversation::view, patientId, messageId);
    }

    private static final String SELECT = """
            select m.id, m.kind, m.body, m.created_at, m.author_id, u.display_name, null::uuid, m.reply_to
            from message m left join app_user u on u.id = m.author_id
            """;
    private static final String SELECT_COMMENTS = """
            select c.id, 'SESSION_COMMENT', c.body, c.created_at, c.author_id, u.display_name, c.session_id, null::uuid
            from session_comment c join app_user u on u.id = c.author_id
            """;

    private static MessageView view(ResultSet rs) throws SQLException {
        return new MessageView(Sql.uuid(rs, 1), Kind.valueOf(rs.getString(2)), rs.getString(3), Sql.instant(rs, 4),
                Sql.uuid(rs, 5), rs.getString(6), Sql.uuid(rs, 7), Sql.uuid(rs, 8));
    }
}
