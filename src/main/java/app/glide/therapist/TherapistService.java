package app.glide.therapist;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.access.UserAccount;
import app.glide.audit.AuditLog;
import app.glide.auth.PasswordPolicy;
import app.glide.auth.Passwords;
import app.glide.auth.RefreshToken;
import app.glide.auth.Revocations;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.patient.PatientStatus;
import app.glide.time.WallClock;
import app.glide.web.ApiProblem;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Clinic staff management. Every method works inside the caller's clinic only. */
@ApplicationScoped
@Transactional
public class TherapistService {

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    @Inject
    Passwords passwords;

    @Inject
    AuditLog audit;

    @Inject
    Revocations revocations;

    @Inject
    Clock clock;

    /** Revoking refresh tokens is security time (auth/). */
    @Inject
    @WallClock
    Clock wallClock;

    public UserAccount create(CreateTherapistRequest request) {
        PasswordPolicy.problem(request.initialPassword(), request.email()).ifPresent(problem -> {
            throw ApiProblem.invalidField("initialPassword", problem);
        });
        if (UserAccount.emailInUse(request.email())) {
            throw ApiProblem.conflict("email-taken", "Email already in use",
                    "An account with the email " + request.email() + " already exists.");
        }
        UserAccount t = UserAccount.newUser(caller.clinicId(), Role.THERAPIST, request.displayName().strip(),
                clock.instant());
        t.email = request.email().strip().toLowerCase(Locale.ROOT);
        t.passwordHash = passwords.hash(request.initialPassword());
        t.persist();
        audit.record("therapist", t.id, "created", Map.of("email", t.email, "displayName", t.displayName));
        return t;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TherapistView> list(String cursor, int limit, Boolean active) {
        Optional<PageCursor> after = PageCursor.decodeUuid(cursor);
        StringBuilder q = new StringBuilder("clinicId = :clinic and role = :role");
        Parameters p = Parameters.with("clinic", caller.clinicId()).and("role", Role.THERAPIST);
        if (active != null) {
            q.append(" and active = :active");
            p.and("active", active);
        }
        if (after.isPresent()) {
            q.append(" and (lower(displayName) > :k or (lower(displayName) = :k and id > :id))");
            p.and("k", after.get().key()).and("id", after.get().uuid());
        }
        q.append(" order by lower(displayName), id");
        return Page.of(UserAccount.<UserAccount>find(q.toString(), p).page(0, limit + 1).list(), limit,
                TherapistView::of, u -> new PageCursor(u.displayName.toLowerCase(Locale.ROOT), u.id.toString()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserAccount get(UUID id) {
        return access.requireTherapist(id);
    }

    public UserAccount deactivate(UUID id) {
        UserAccount t = access.requireTherapist(id);
        if (!t.active) {
            return t;
        }
        long primaryFor = Patient.count("primaryTherapistId = ?1 and status = ?2", id, PatientStatus.ACTIVE);
        if (primaryFor > 0) {
            throw ApiProblem.conflict("therapist-has-patients", "Therapist still has patients",
                    t.displayName + " is the primary therapist of " + primaryFor
                            + " active patient(s); assign them another primary therapist first.");
        }
        t.active = false;
        t.updatedAt = clock.instant();
        long revoked = RefreshToken.revokeAllOfUser(id, "deactivated", wallClock.instant());
        revocations.revokeUser(id, "deactivated"); // access tokens too, within seconds on every replica
        audit.record("therapist", id, "deactivated", Map.of("refreshTokensRevoked", revoked));
        return t;
    }
}
