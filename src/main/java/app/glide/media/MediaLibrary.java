package app.glide.media;

import app.glide.audit.AuditLog;
import app.glide.access.Caller;
import app.glide.db.Sql;
import app.glide.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A clinic's own image and video for exercises and education cards: its own ones and the shipped
 * ones alike (a shipped exercise then shows this clinic's video to this clinic's patients only;
 * other clinics see it without). One of each kind per exercise or card; attaching replaces. Only
 * clinic-wide media that is COMPLETE can be attached (a personal video goes on a plan item). Every
 * change bumps the clinic's media version, which the patient's plan ETag carries.
 */
@ApplicationScoped
@Transactional
public class MediaLibrary {

    /** Where media is attached: the table, its id column, the library table, and the word for 404s. */
    public enum Target {
        EXERCISE("exercise_media", "exercise_id", "exercise", "exercise"),
        EDUCATION_CARD("education_card_media", "card_id", "education_card", "education card");

        final String table;
        final String column;
        final String library;
        final String noun;

        Target(String table, String column, String library, String noun) {
            this.table = table;
            this.column = column;
            this.library = library;
            this.noun = noun;
        }
    }

    @Inject
    Caller caller;

    @Inject
    Sql sql;

    @Inject
    MediaUploads uploads;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public MediaViews.Attachments list(Target target, UUID id) {
        UUID clinic = requireVisible(target, id);
        return new MediaViews.Attachments(sql.list("select kind, media_id, attached_at from " + target.table
                        + " where clinic_id = ? and " + target.column + " = ? order by kind",
                rs -> new MediaViews.Attachment(AcceptedType.Kind.valueOf(rs.getString(1)), Sql.uuid(rs, 2),
                        Sql.instant(rs, 3)), clinic, id));
    }

    public MediaViews.Attachments attach(Target target, UUID id, UUID mediaId) {
        UUID clinic = requireVisible(target, id);
        MediaRow media = uploads.load(mediaId).filter(m -> m.clinicId().equals(clinic))
                .orElseThrow(() -> ApiProblem.notFound("media", mediaId));
        if (!MediaRow.COMPLETE.equals(media.state())) {
            throw notComplete(mediaId);
        }
        if (media.patientId() != null) {
            throw ApiProblem.unprocessable("media-personal", "Personal media",
                    "Media " + mediaId + " was recorded for one patient; attach it to that patient's plan item instead.");
        }
        sql.update("insert into " + target.table + " (clinic_id, " + target.column
                        + ", kind, media_id, attached_by, attached_at) values (?, ?, ?, ?, ?, ?) on conflict (clinic_id, "
                        + target.column + ", kind) do update set media_id = excluded.media_id,"
                        + " attached_by = excluded.attached_by, attached_at = excluded.attached_at",
                clinic, id, media.type().kind().name(), mediaId, caller.userId(), clock.instant());
        bumpVersion(clinic);
        audit.record(target.library, id, "media-attached", Map.of("mediaId", mediaId.toString(),
                "kind", media.type().kind().name()));
        return list(target, id);
    }

    public void detach(Target target, UUID id, AcceptedType.Kind kind) {
        UUID clinic = requireVisible(target, id);
        int removed = sql.update("delete from " + target.table + " where clinic_id = ? and " + target.column
                + " = ? and kind = ?", clinic, id, kind.name());
        if (removed > 0) {
            bumpVersion(clinic);
            audit.record(target.library, id, "media-detached", Map.of("kind", kind.name()));
        }
    }

    static ApiProblem notComplete(UUID mediaId) {
        return ApiProblem.unprocessable("media-not-complete", "Media not complete",
                "Media " + mediaId + " has not been confirmed (POST /v1/media/{id}/complete) or was rejected.");
    }

    private void bumpVersion(UUID clinic) {
        sql.update("insert into clinic_media_version (clinic_id, version) values (?, 1)"
                + " on conflict (clinic_id) do update set version = clinic_media_version.version + 1", clinic);
    }

    /** The caller's clinic, when the exercise or card is shipped or the clinic's own; else 404. */
    private UUID requireVisible(Target target, UUID id) {
        UUID clinic = caller.clinicId();
        List<Integer> found = sql.list("select 1 from " + target.library + " where id = ? and (clinic_id is null or clinic_id = ?)",
                rs -> 1, id, clinic);
        if (found.isEmpty()) {
            throw ApiProblem.notFound(target.noun, id);
        }
        return clinic;
    }
}
