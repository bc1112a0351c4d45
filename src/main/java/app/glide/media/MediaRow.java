package app.glide.media;

import app.glide.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A row of table media, as the media services read it. */
record MediaRow(UUID id, UUID clinicId, UUID uploadedBy, UUID patientId, String state, AcceptedType type, long bytes,
                byte[] sha256, String objectKey, String filename, MediaViews.Purpose purpose, Long durationMs,
                String rejectedAs, Instant createdAt, Instant expiresAt, Instant completedAt) {

    static final String COMPLETE = "COMPLETE";
    static final String PENDING = "PENDING";
    static final String REJECTED = "REJECTED";

    static final String COLUMNS = """
            m.id, m.clinic_id, m.uploaded_by, m.patient_id, m.state, m.content_type, m.bytes, m.sha256, m.object_key,
            m.filename, m.purpose, m.duration_ms, m.rejected_as, m.created_at, m.expires_at, m.completed_at""";

    static MediaRow read(ResultSet rs) throws SQLException {
        return new MediaRow(Sql.uuid(rs, 1), Sql.uuid(rs, 2), Sql.uuid(rs, 3), Sql.uuid(rs, 4), rs.getString(5),
                AcceptedType.of(rs.getString(6)).orElseThrow(), rs.getLong(7), rs.getBytes(8), rs.getString(9),
                rs.getString(10), MediaViews.Purpose.valueOf(rs.getString(11)),
                rs.getObject(12) == null ? null : rs.getLong(12), rs.getString(13), Sql.instant(rs, 14),
                Sql.instant(rs, 15), Sql.instant(rs, 16));
    }

    MediaViews.MediaView view() {
        return new MediaViews.MediaView(id, state, type.contentType(), type.kind(), bytes, MediaViews.hex(sha256),
                purpose, patientId, filename, durationMs, createdAt, PENDING.equals(state) ? expiresAt : null,
                completedAt, rejectedAs);
    }
}
