package app.glide.session;

import app.glide.session.SessionDtos.BatchResult;
import app.glide.session.SessionDtos.BatchSession;
import app.glide.web.ApiProblem;
import app.glide.web.DbFailure;
import app.glide.web.DbOutages;
import app.glide.web.Problem;
import app.glide.web.ProblemMappers;
import app.glide.web.RequestIds;
import app.glide.web.RollbackGuard;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * An offline upload of up to 100 sessions. Each session is checked and stored in its own
 * transaction, so one bad session does not reject the others; each gets the status and
 * body (or problem) a single PUT would have given. Replaying a batch is safe.
 */
@ApplicationScoped
public class BatchLogger {

    private static final Logger LOG = Logger.getLogger(BatchLogger.class);

    @Inject
    SessionLogging sessions;

    @Inject
    Validator validator;

    @Inject
    RequestIds requestIds;

    @Inject
    RollbackGuard rollbacks;

    @Inject
    DbOutages outages;

    public List<BatchResult> log(List<BatchSession> batch, String instance) {
        List<BatchResult> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            BatchSession s = batch.get(i);
            BatchResult result = one(s, "sessions[" + i + "]", instance);
            results.add(result);
            if (result.problem() != null && result.problem().type().endsWith("/database-unavailable")) {
                // The database is gone: the rest are not tried (each would wait for it), they get the same answer.
                for (int j = i + 1; j < batch.size(); j++) {
                    results.add(failed(batch.get(j).id(),
                            ProblemMappers.databaseProblem(DbFailure.Kind.UNAVAILABLE), instance));
                }
                break;
            }
        }
        return results;
    }

    private BatchResult one(BatchSession s, String at, String instance) {
        if (SessionIds.isNil(s.id())) {
            return failed(s.id(), ApiProblem.invalidField(at + ".id", SessionIds.NIL_MESSAGE), instance);
        }
        if (s.id() == null) {
            return failed(null, ApiProblem.invalidField(at + ".id", "is required (the app's UUID for the session)"), instance);
        }
        Set<ConstraintViolation<SessionDtos.SessionRequest>> violations = validator.validate(s.request());
        if (!violations.isEmpty()) {
            List<ApiProblem.FieldError> errors = violations.stream()
                    .map(v -> new ApiProblem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(ApiProblem.FieldError::field)).toList();
            return failed(s.id(), new ApiProblem(400, "validation", "Invalid request",
                    errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.", errors, null),
                    instance);
        }
        try {
            SessionLogging.Logged logged = QuarkusTransaction.requiringNew().call(() -> sessions.log(s.id(), s.request()));
            return new BatchResult(s.id(), logged.created() ? 201 : 200, logged.view(), null);
        } catch (ApiProblem p) {
            rollbacks.reported(); // that session's own transaction rolled back; its result says why
            return failed(s.id(), p, instance);
        } catch (RuntimeException e) {
            rollbacks.reported();
            if (e.getCause() instanceof ApiProblem p) {
                return failed(s.id(), p, instance);
            }
            DbFailure.Kind db = DbFailure.classify(e);
            if (db != null) {
                outages.failed(db, e, instance + " (session " + s.id() + ")");
                return failed(s.id(), ProblemMappers.databaseProblem(db), instance);
            }
            LOG.errorf(e, "Unexpected error storing session %s of a batch (request %s)", s.id(), requestIds.current());
            return failed(s.id(), new ApiProblem(500, "internal", "Internal error",
                    "This session could not be stored; retry it later."), instance);
        }
    }

    private BatchResult failed(UUID id, ApiProblem p, String instance) {
        return new BatchResult(id, p.status(), null, new Problem(p.type().toString(), p.title(), p.status(), p.detail(),
                instance, requestIds.current(), p.errors()));
    }
}
