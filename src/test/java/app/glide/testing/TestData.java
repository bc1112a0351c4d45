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
 * or age rows directly. Everything else is created through the API.
 */
@ApplicationScoped
public class TestData {

    public static final String PASSWORD = "correct horse battery staple";

    @Inject
    Passwords passwords;

    @Inject
    Clock clock;

    @Inject
    app.glide.plan.PlanRevisions planRevisions;

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

    /**
     * Moves time for a test: rewrites rows that are immutable in production (plan
     * revisions) with their triggers switched off for this one transaction. The application's
     * database role cannot do that (docs/security.md, "Database roles"), so this runs as the
     * cluster's superuser on a connection of its own, committed before it returns. Parameters
     * are positional ({@code ?1}, {@code ?2}, ...; each may appear more than once). The parsed
     * revisions the application keeps are dropped, as after any repair behind its back.
     */
    public int age(String sql, Object... params) {
        String schema = (String) this.<Object>query("select current_schema()").get(0);
        java.util.List<Object> bound = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\?(\\d+)").matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            bound.add(params[Integer.parseInt(m.group(1)) - 1]);
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        try (java.sql.Connection c = TestDatabase.superuser(schema)) {
            c.setAutoCommit(false);
            c.createStatement().execute("set local session_replication_role = replica");
            int changed;
            try (var st = c.prepareStatement(jdbc.toString())) {
                for (int i = 0; i < bound.size(); i++) {
                    st.setObject(i + 1, bound.get(i));
                }
                changed = st.executeUpdate();
            }
            c.commit();
            planRevisions.clear();
            return changed;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
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
