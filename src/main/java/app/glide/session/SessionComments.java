package app.glide.session;

import app.glide.web.PatientLocks;
import app.glide.access.Caller;
import app.glide.access.UserAccount;
import app.glide.audit.AuditLog;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.session.SessionDtos.CommentView;
import app.glide.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** The care team's comments on a session; a comment marks the session changed for the patient's sync. */
@ApplicationScoped
@Transactional
public class SessionComments {

    @Inject
    PatientLocks locks;

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public CommentView comment(UUID patientId, UUID sessionId, String body) {
        Patient p = access.require(patientId);
        locks.lockWritable(p.id);
        SessionLog s = SessionLog.<SessionLog>find("id = ?1 and patientId = ?2", sessionId, p.id).firstResult();
        if (s == null) {
            throw ApiProblem.notFound("session", sessionId);
        }
        SessionComment c = new SessionComment();
        c.id = UUID.randomUUID();
        c.patientId = p.id;
        c.sessionId = sessionId;
        c.authorId = caller.userId();
        c.body = body.strip();
        c.createdAt = clock.instant();
        c.persist();
        s.changedAt = c.createdAt;
        audit.record("session", sessionId, "commented", Map.of("commentId", c.id.toString()));
        UserAccount author = UserAccount.findById(c.authorId);
        return new CommentView(c.id, c.authorId, author.displayName, c.body, c.createdAt);
    }
}
