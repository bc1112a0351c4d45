package app.glide.testing;

import app.glide.access.Role;
import app.glide.access.UserAccount;
import app.glide.auth.Passwords;
import app.glide.clinic.Clinic;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Creates what the API cannot (clinics exist only through bootstrap) and lets tests read
 * or change rows directly (time is moved with {@link TestClock}, not by rewriting rows). Everything else is created through the API.
 */
@ApplicationScoped
public class TestData {

    public static final String PASSWORD = "correct horse battery staple";

    @Inject
    Passwords passwords;

    @Inject
    Clock clock;

    public record NewClinic(UUID clinicId, String adminEmail) {
    }

    @Transactional
    public NewClinic clinicWithAdmin(String name) {
        Instant now = clock.instant();
        Clinic clinic = Clinic.create(name, now);
        UserAccount admin = UserAccount.newUser(clinic.id, Role.ADMIN, "Admin of " + name, now);
        admin.email = "admin-" + UUID.randomUUID() + "@clinic.example";
        admin.passwordHash = passwords.hash(PASSWORD);
        admin.persist();
        return new NewClinic(clinic.id, admin.email);
    }

    @Transactional
    public int execute(String sql, Object... params) {
        var q = Panache.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.executeUpdate();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public <T> List<T> query(String sql, Object... params) {
        var q = Panache.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList();
    }
}
