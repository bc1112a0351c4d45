package app.glide.session;

import app.glide.access.Caller;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.session.SessionDtos.SessionPage;
import app.glide.web.PageCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading sessions: the patient's delta sync and the care team's list. Writes nothing. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SessionFeed {

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    @Inject
    SessionViews views;

    /** The patient's sessions changed after {@code since} (new, commented, checked), oldest change first. */
    public SessionPage changedSince(Instant since, String cursor, int limit) {
        Optional<PageCursor> after = PageCursor.decodeUuid(cursor);
        List<SessionLog> rows;
        if (after.isPresent()) {
            Instant t = after.get().instant();
            rows = SessionLog.<SessionLog>find("patientId = ?1 and (changedAt > ?2 or (changedAt = ?2 and id > ?3)) order by changedAt, id",
                    caller.userId(), t, after.get().uuid()).page(0, limit + 1).list();
        } else {
            rows = SessionLog.<SessionLog>find("patientId = ?1 and changedAt > ?2 order by changedAt, id",
                    caller.userId(), since == null ? Instant.EPOCH : since).page(0, limit + 1).list();
        }
        boolean more = rows.size() > limit;
        List<SessionLog> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? new PageCursor(shown.get(shown.size() - 1).changedAt.toString(),
                shown.get(shown.size() - 1).id.toString()).encode() : null;
        Instant nextSince = shown.isEmpty() ? since : shown.get(shown.size() - 1).changedAt;
        return new SessionPage(views.views(shown), next, nextSince);
    }

    /** A patient's sessions for the care team, newest first. */
    public SessionPage forTherapist(UUID patientId, String cursor, int limit) {
        Patient p = access.require(patientId);
        Optional<PageCursor> after = PageCursor.decodeUuid(cursor);
        List<SessionLog> rows = after.isPresent()
                ? SessionLog.<SessionLog>find("patientId = ?1 and (startedAt < ?2 or (startedAt = ?2 and id < ?3)) order by startedAt desc, id desc",
                        p.id, after.get().instant(), after.get().uuid()).page(0, limit + 1).list()
                : SessionLog.<SessionLog>find("patientId = ?1 order by startedAt desc, id desc", p.id).page(0, limit + 1).list();
        boolean more = rows.size() > limit;
        List<SessionLog> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? new PageCursor(shown.get(shown.size() - 1).startedAt.toString(),
                shown.get(shown.size() - 1).id.toString()).encode() : null;
        return new SessionPage(views.views(shown), next, null);
    }
}
