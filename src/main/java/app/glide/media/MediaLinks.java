package app.glide.media;

import app.glide.access.Caller;
import app.glide.db.Sql;
import app.glide.patient.PatientAccess;
import app.glide.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reading media: for staff (the row), for the patient (a fresh download URL for one item they may
 * see), the manifest of the patient's plan, and the check a plan item's media must pass. A patient
 * sees media attached to an exercise or card of their clinic, clinic-wide media an item of their
 * active plan (current revision) names, and personal media recorded for them; never another
 * patient's (404, as if it did not exist).
 */
@ApplicationScoped
public class MediaLinks {

    @Inject
    Caller caller;

    @Inject
    Sql sql;

    @Inject
    MediaStore store;

    @Inject
    MediaUploads uploads;

    @Inject
    PatientAccess patients;

    /** Staff: a media item of the caller's clinic (a personal one only for who may reach its patient). */
    public MediaViews.MediaView get(UUID id) {
        MediaRow row = uploads.load(id).filter(m -> m.clinicId().equals(caller.clinicId()))
                .orElseThrow(() -> ApiProblem.notFound("media", id));
        if (row.patientId() != null) {
            patients.require(row.patientId());
        }
        return row.view();
    }

    /** The patient: a fresh URL for one media item they may see, or 404. */
    public MediaViews.Download myDownload(UUID id) {
        UUID me = caller.userId();
        MediaRow row = sql.first("select " + MediaRow.COLUMNS + """
                 from media m
                where m.id = ? and m.clinic_id = ? and m.state = 'COMPLETE'
                  and (m.patient_id = ?
                       or (m.patient_id is null
                           and (exists (select 1 from exercise_media e where e.clinic_id = m.clinic_id and e.media_id = m.id)
                                or exists (select 1 from education_card_media c where c.clinic_id = m.clinic_id
                                           and c.media_id = m.id)
                                or exists (select 1 from plan p
                                           join plan_revision r on r.plan_id = p.id and r.revision = p.current_revision
                                           cross join lateral jsonb_array_elements(r.content -> 'items') i
                                           where p.patient_id = ? and p.clinic_id = m.clinic_id and p.status = 'ACTIVE'
                                             and i ->> 'mediaId' = m.id::text))))""", MediaRow::read, id, caller.clinicId(),
                me, me)
                .orElseThrow(() -> ApiProblem.notFound("media", id));
        MediaStore.Presigned get = store.presignGet(row.objectKey());
        return new MediaViews.Download(row.id(), row.type().contentType(), row.bytes(), MediaViews.hex(row.sha256()),
                get.url(), get.expiresAt());
    }

    /**
     * The media a patient's plan uses, each with a freshly signed GET URL: the clinic's media of the
     * given exercises and cards (only read when {@code clinicHasMedia}), and the media of plan items
     * ({@code personal}: media id → plan item ids) recorded for this patient or clinic-wide (a plan
     * item may carry either, see {@link #requireUsableInPlan}). One
     * statement, none when there is nothing to look for; none either when no store is configured.
     */
    public List<MediaViews.ManifestItem> manifest(UUID clinicId, UUID patientId, boolean clinicHasMedia,
                                                  Collection<UUID> exerciseIds, Collection<UUID> cardIds,
                                                  Map<UUID, List<UUID>> personal) {
        if ((!clinicHasMedia && personal.isEmpty()) || !store.configured()) {
            return List.of();
        }
        UUID[] exercises = clinicHasMedia ? exerciseIds.toArray(UUID[]::new) : new UUID[0];
        UUID[] cards = clinicHasMedia ? cardIds.toArray(UUID[]::new) : new UUID[0];
        record Use(UUID exerciseId, UUID cardId, MediaRow media) {
        }
        List<Use> uses = sql.list("select a.exercise_id, a.card_id, " + MediaRow.COLUMNS + """
                 from (select e.exercise_id, null::uuid as card_id, e.media_id from exercise_media e
                       where e.clinic_id = ? and e.exercise_id = any(?)
                       union all
                       select null, c.card_id, c.media_id from education_card_media c
                       where c.clinic_id = ? and c.card_id = any(?)
                       union all
                       select null, null, p.id from media p where p.id = any(?) and p.clinic_id = ?
                       and (p.patient_id = ? or p.patient_id is null)) a
                join media m on m.id = a.media_id and m.state = 'COMPLETE'
                order by m.created_at, m.id""",
                rs -> new Use(Sql.uuid(rs, 1), Sql.uuid(rs, 2), readShifted(rs)),
                clinicId, exercises, clinicId, cards, personal.keySet().toArray(UUID[]::new), clinicId, patientId);
        Map<UUID, MediaRow> rows = new LinkedHashMap<>();
        Map<UUID, Set<UUID>> byExercise = new LinkedHashMap<>();
        Map<UUID, Set<UUID>> byCard = new LinkedHashMap<>();
        for (Use u : uses) {
            rows.putIfAbsent(u.media().id(), u.media());
            if (u.exerciseId() != null) {
                byExercise.computeIfAbsent(u.media().id(), k -> new LinkedHashSet<>()).add(u.exerciseId());
            }
            if (u.cardId() != null) {
                byCard.computeIfAbsent(u.media().id(), k -> new LinkedHashSet<>()).add(u.cardId());
            }
        }
        List<MediaViews.ManifestItem> items = new ArrayList<>();
        for (MediaRow m : rows.values()) {
            MediaStore.Presigned get = store.presignGet(m.objectKey());
            items.add(new MediaViews.ManifestItem(m.id(), m.type().contentType(), m.type().kind(), m.bytes(),
                    MediaViews.hex(m.sha256()), m.durationMs(), get.url(), get.expiresAt(),
                    List.copyOf(byExercise.getOrDefault(m.id(), Set.of())), List.copyOf(byCard.getOrDefault(m.id(), Set.of())),
                    personal.getOrDefault(m.id(), List.of())));
        }
        return items;
    }

    /** MediaRow.read for a row whose media columns start at column 3. */
    private static MediaRow readShifted(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MediaRow(Sql.uuid(rs, 3), Sql.uuid(rs, 4), Sql.uuid(rs, 5), Sql.uuid(rs, 6), rs.getString(7),
                AcceptedType.of(rs.getString(8)).orElseThrow(), rs.getLong(9), rs.getBytes(10), rs.getString(11),
                rs.getString(12), MediaViews.Purpose.valueOf(rs.getString(13)),
                rs.getObject(14) == null ? null : rs.getLong(14), rs.getString(15), Sql.instant(rs, 16),
                Sql.instant(rs, 17), Sql.instant(rs, 18));
    }

    /**
     * The media a therapist puts on a patient's plan items: of the patient's clinic (else 404),
     * COMPLETE (else 422 media-not-complete), and clinic-wide or recorded for this patient (else 422
     * media-of-another-patient). One statement for all of them.
     */
    public void requireUsableInPlan(UUID clinicId, UUID patientId, Collection<UUID> mediaIds) {
        if (mediaIds.isEmpty()) {
            return;
        }
        Map<UUID, MediaRow> found = new LinkedHashMap<>();
        sql.list("select " + MediaRow.COLUMNS + " from media m where m.id = any(?) and m.clinic_id = ?", MediaRow::read,
                mediaIds.toArray(UUID[]::new), clinicId).forEach(m -> found.put(m.id(), m));
        for (UUID id : new LinkedHashSet<>(mediaIds)) {
            MediaRow m = found.get(id);
            if (m == null) {
                throw ApiProblem.notFound("media", id);
            }
            if (!MediaRow.COMPLETE.equals(m.state())) {
                throw MediaLibrary.notComplete(id);
            }
            if (m.patientId() != null && !m.patientId().equals(patientId)) {
                throw ApiProblem.unprocessable("media-of-another-patient", "Media of another patient",
                        "Media " + id + " was recorded for another patient; a personal video is only for its own patient.");
            }
        }
    }
}
