package app.glide.media;

import app.glide.web.PatientLocks;
import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.audit.AuditLog;
import app.glide.config.GlideConfig;
import app.glide.db.Sql;
import app.glide.patient.PatientAccess;
import app.glide.web.ApiProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploads: a therapist or admin asks for one (a PENDING row and a presigned PUT URL), uploads
 * straight to the store, and confirms it. Confirming reads the object back in one streaming pass
 * ({@link MediaProbe}) outside any transaction, then records the outcome in a short one: COMPLETE,
 * or REJECTED with the object deleted. A refusal is returned as a value ({@link Completion}) after
 * that transaction committed, and the resource turns it into the problem: the rejection is
 * recorded, never rolled back.
 *
 * <p>Who may confirm: the uploader, or an admin of the clinic (an admin can finish what a
 * therapist who left started); another therapist of the clinic gets 403 media-not-yours. Another
 * clinic's upload is 404, as is a personal upload for a patient the caller cannot reach.
 */
@ApplicationScoped
public class MediaUploads {

    @Inject
    PatientLocks locks;

    @Inject
    Caller caller;

    @Inject
    Sql sql;

    @Inject
    MediaStore store;

    @Inject
    PatientAccess patients;

    @Inject
    AuditLog audit;

    @Inject
    GlideConfig config;

    @Inject
    Clock clock;

    /** The outcome of a confirmation: the media, and the refusal when it was rejected or not found in the store. */
    public record Completion(MediaViews.MediaView media, ApiProblem refusal) {
    }

    public MediaViews.UploadTicket create(MediaViews.CreateMedia r) {
        AcceptedType type = AcceptedType.of(r.contentType()).orElseThrow(() -> new ApiProblem(422,
                "media-type-not-accepted", "Media type not accepted", "'" + r.contentType()
                + "' is not accepted: upload video/mp4 (H.264), image/jpeg, image/png or image/webp."));
        long limit = type.kind() == AcceptedType.Kind.VIDEO ? config.media().maxVideoBytes() : config.media().maxImageBytes();
        if (r.bytes() > limit) {
            throw new ApiProblem(422, "media-too-large", "Media too large", "A " + type.kind().name().toLowerCase()
                    + " may have at most " + limit + " bytes; this one declares " + r.bytes() + ".");
        }
        MediaViews.Purpose purpose = r.purpose() != null ? r.purpose()
                : r.patientId() != null ? MediaViews.Purpose.PERSONAL : MediaViews.Purpose.EXERCISE;
        if ((purpose == MediaViews.Purpose.PERSONAL) != (r.patientId() != null)) {
            throw ApiProblem.invalidField("patientId", purpose == MediaViews.Purpose.PERSONAL
                    ? "is required for a PERSONAL upload" : "is only for a PERSONAL upload");
        }
        if (r.patientId() != null) {
            patients.require(r.patientId());
        }
        store.requireConfigured();
        UUID id = UUID.randomUUID();
        UUID clinic = caller.clinicId();
        String key = "media/" + clinic + "/" + id;
        byte[] sha = HexFormat.of().parseHex(r.sha256().toLowerCase());
        Instant now = clock.instant();
        Instant expires = now.plus(config.media().pendingTtl());
        MediaRow row = QuarkusTransaction.requiringNew().call(() -> {
            if (r.patientId() != null) {
                locks.lockWritable(r.patientId());
            }
            sql.update("""
                    insert into media (id, clinic_id, uploaded_by, patient_id, state, content_type, bytes, sha256, object_key,
                                       filename, purpose, created_at, expires_at)
                    values (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, clinic, caller.userId(), r.patientId(), type.contentType(), r.bytes(), sha, key,
                    r.filename() == null ? null : r.filename().strip(), purpose.name(), now, expires);
            audit.record("media", id, "upload-requested", Map.of("contentType", type.contentType(), "bytes", r.bytes(),
                    "purpose", purpose.name()));
            return load(id).orElseThrow();
        });
        MediaStore.Presigned put = store.presignPut(key, type, r.bytes(), sha);
        return new MediaViews.UploadTicket(row.view(),
                new MediaViews.SignedRequest("PUT", put.url(), put.headers(), put.expiresAt()));
    }

    public Completion complete(UUID id) {
        MediaRow row = requireMine(id);
        if (MediaRow.COMPLETE.equals(row.state())) {
            return new Completion(row.view(), null);
        }
        if (MediaRow.REJECTED.equals(row.state())) {
            return new Completion(row.view(), rejected(row));
        }
        if (row.expiresAt().isBefore(clock.instant())) {
            return new Completion(row.view(), expired());
        }
        store.requireConfigured();
        Long size = store.size(row.objectKey()).orElse(null);
        if (size == null) {
            return new Completion(row.view(), new ApiProblem(422, "media-not-uploaded", "Nothing uploaded",
                    "There is no object for this upload yet: PUT the file to the upload URL (with its headers), then"
                            + " confirm again."));
        }
        ApiProblem refusal;
        Long durationMs = null;
        if (size != row.bytes()) {
            refusal = new ApiProblem(422, "media-size-mismatch", "Size does not match",
                    "The upload has " + size + " bytes; " + row.bytes() + " were declared. It was deleted.");
        } else {
            MediaProbe.Result probe;
            try (InputStream in = store.open(row.objectKey())) {
                probe = MediaProbe.probe(in);
            } catch (IOException e) {
                throw MediaStore.unavailable("GET (reading the upload)", e);
            }
            refusal = check(row, probe);
            durationMs = probe.durationMs();
        }
        if (refusal != null) {
            store.delete(row.objectKey());
        }
        Long duration = durationMs;
        String rejectedAs = refusal == null ? null : refusal.slug();
        Instant now = clock.instant();
        // Conditional: the cleanup job may have removed the row, or its deadline passed, during the probe.
        Optional<MediaRow> done = QuarkusTransaction.requiringNew().call(() -> {
            int changed = rejectedAs == null
                    ? sql.update("update media set state = 'COMPLETE', completed_at = ?, expires_at = null, duration_ms = ?"
                    + " where id = ? and state = 'PENDING' and expires_at >= ?", now, duration, id, now)
                    : sql.update("update media set state = 'REJECTED', rejected_as = ?, expires_at = ?"
                    + " where id = ? and state = 'PENDING'", rejectedAs, now.plus(rejectedKeep()), id);
            if (changed == 1) {
                audit.record("media", id, rejectedAs == null ? "upload-completed" : "upload-rejected",
                        rejectedAs == null ? Map.of("bytes", row.bytes()) : Map.of("reason", rejectedAs));
            }
            return load(id);
        });
        return afterUpdate(done.orElseThrow(() -> ApiProblem.notFound("media", id)), refusal);
    }

    /**
     * The answer once the outcome was (or was not) recorded: a row still PENDING was not updated
     * because its deadline passed meanwhile (422 media-upload-expired); a row another confirmation
     * finished meanwhile is answered as it stands.
     */
    static Completion afterUpdate(MediaRow row, ApiProblem refusal) {
        if (MediaRow.PENDING.equals(row.state())) {
            return new Completion(row.view(), expired());
        }
        if (MediaRow.COMPLETE.equals(row.state())) {
            return new Completion(row.view(), null);
        }
        return new Completion(row.view(), refusal != null ? refusal : rejected(row));
    }

    /** A REJECTED row is kept at least as long as its upload URL works (the cleanup then deletes a re-PUT object). */
    private java.time.Duration rejectedKeep() {
        java.time.Duration keep = config.media().rejectedTtl();
        java.time.Duration url = config.media().uploadUrlTtl();
        return keep.compareTo(url) >= 0 ? keep : url;
    }

    private static ApiProblem expired() {
        return new ApiProblem(422, "media-upload-expired", "Upload expired",
                "This upload was not confirmed in time; ask for a new upload.");
    }

    private static ApiProblem rejected(MediaRow row) {
        return new ApiProblem(409, "media-rejected", "Upload was rejected",
                "This upload was rejected (" + row.rejectedAs() + "); ask for a new upload.");
    }

    /** Size is checked before; here the hash, the type the bytes really have, and a video's duration. */
    private ApiProblem check(MediaRow row, MediaProbe.Result probe) {
        if (probe.bytes() != row.bytes()) {
            return new ApiProblem(422, "media-size-mismatch", "Size does not match", "The upload has " + probe.bytes()
                    + " bytes; " + row.bytes() + " were declared. It was deleted.");
        }
        if (!Arrays.equals(probe.sha256(), row.sha256())) {
            return new ApiProblem(422, "media-hash-mismatch", "SHA-256 does not match", "The upload's SHA-256 is "
                    + MediaViews.hex(probe.sha256()) + ", not the declared " + MediaViews.hex(row.sha256())
                    + ". It was deleted.");
        }
        if (probe.type() != row.type()) {
            return new ApiProblem(422, "media-type-not-accepted", "Media type not accepted", "The upload is "
                    + (probe.type() == null ? "none of the accepted types (MP4 with H.264, JPEG, PNG, WebP)"
                    : probe.type().contentType()) + ", not the declared " + row.type().contentType() + ". It was deleted.");
        }
        if (probe.durationMs() != null && probe.durationMs() > config.media().maxVideoDuration().toMillis()) {
            return new ApiProblem(422, "media-too-long", "Video too long", (probe.durationMs() == MediaProbe.TOO_LONG
                    ? "The video's header declares an impossibly long duration"
                    : "The video runs " + probe.durationMs() / 1000 + " s") + "; at most " + config.media().maxVideoDuration().toSeconds() + " s are accepted. It was deleted.");
        }
        return null;
    }

    /** The caller's clinic's upload they may confirm: 404 for another clinic or an unreachable patient, 403 for a colleague's. */
    private MediaRow requireMine(UUID id) {
        MediaRow row = load(id).filter(m -> m.clinicId().equals(caller.clinicId()))
                .orElseThrow(() -> ApiProblem.notFound("media", id));
        if (row.patientId() != null) {
            patients.require(row.patientId());
        }
        if (!row.uploadedBy().equals(caller.userId()) && !caller.is(Role.ADMIN)) {
            throw new ApiProblem(403, "media-not-yours", "Not your upload",
                    "Only the therapist who asked for this upload, or a clinic admin, may confirm it.");
        }
        return row;
    }

    Optional<MediaRow> load(UUID id) {
        return sql.first("select " + MediaRow.COLUMNS + " from media m where m.id = ?", MediaRow::read, id);
    }
}
