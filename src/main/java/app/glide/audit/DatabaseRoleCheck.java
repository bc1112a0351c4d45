package app.glide.audit;

import app.glide.db.Sql;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * In production, warns at startup when the service's own database role could rewrite the
 * audit trail: a superuser, or a member of the role that owns {@code audit_event}
 * (docs/security.md, "Database roles"). Dev mode runs as {@code postgres} on purpose.
 */
@ApplicationScoped
public class DatabaseRoleCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseRoleCheck.class);

    @Inject
    Sql sql;

    private record Role(String name, boolean superuser, boolean ownsTables) {
    }

    void onStart(@Observes StartupEvent start) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        try {
            sql.first("""
                    select current_user, r.rolsuper,
                           pg_has_role(current_user, (select relowner from pg_class where oid = 'audit_event'::regclass), 'USAGE')
                    from pg_roles r where r.rolname = current_user""",
                    rs -> new Role(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
                    .filter(r -> r.superuser() || r.ownsTables())
                    .ifPresent(r -> LOG.warnf("The service connects to the database as %s, %s: it could rewrite the audit"
                            + " trail and change the schema. Connect as the application role and migrate as the owner"
                            + " (QUARKUS_FLYWAY_USERNAME); see docs/security.md, \"Database roles\"",
                            r.name(), r.superuser() ? "a superuser" : "the owner of the tables"));
        } catch (Sql.SqlFailure e) {
            LOG.debugf("Could not check the database role: %s", e.getCause().getMessage());
        }
    }
}
