package app.glide.startup;

import app.glide.access.Role;
import app.glide.access.UserAccount;
import app.glide.audit.AuditLog;
import app.glide.auth.PasswordPolicy;
import app.glide.auth.Passwords;
import app.glide.clinic.Clinic;
import app.glide.config.GlideConfig;
import app.glide.db.Sql;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Creates the first clinic and its admin from GLIDE_BOOTSTRAP_CLINIC_NAME,
 * GLIDE_BOOTSTRAP_ADMIN_EMAIL and GLIDE_BOOTSTRAP_ADMIN_PASSWORD when the database holds no
 * clinic yet. Later starts (and other replicas) see a clinic and do nothing, so the
 * variables may stay set. A transaction-scoped advisory lock keeps replicas that start
 * together from both creating it.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    @Inject
    Sql sql;

    @Inject
    GlideConfig config;

    @Inject
    Passwords passwords;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    void onStart(@Observes StartupEvent start) {
        GlideConfig.Bootstrap b = config.bootstrap();
        Optional<String> name = b.clinicName().filter(s -> !s.isBlank());
        Optional<String> email = b.adminEmail().filter(s -> !s.isBlank());
        Optional<String> password = b.adminPassword().filter(s -> !s.isBlank());
        boolean any = name.isPresent() || email.isPresent() || password.isPresent();
        if (!any) {
            // Plain SQL: a replica's every start comes here, and an HQL query would be the first
            // one, loading and warming the query parser on the start path (docs/benchmarks.md
            // "Start time"); the first request that needs it does that instead.
            if (LaunchMode.current() == LaunchMode.NORMAL
                    && !sql.first("select exists (select 1 from clinic)", rs -> rs.getBoolean(1)).orElseThrow()) {
                LOG.warn("The database has no clinic yet. Set GLIDE_BOOTSTRAP_CLINIC_NAME, GLIDE_BOOTSTRAP_ADMIN_EMAIL"
                        + " and GLIDE_BOOTSTRAP_ADMIN_PASSWORD and restart to create the first clinic and admin.");
            }
            return;
        }
        if (name.isEmpty() || email.isEmpty() || password.isEmpty()) {
            throw new IllegalStateException("Bootstrap needs all of GLIDE_BOOTSTRAP_CLINIC_NAME,"
                    + " GLIDE_BOOTSTRAP_ADMIN_EMAIL and GLIDE_BOOTSTRAP_ADMIN_PASSWORD; only some are set.");
        }
        Optional<String> weak = PasswordPolicy.problem(password.get(), email.get());
        if (weak.isPresent()) {
            throw new IllegalStateException("GLIDE_BOOTSTRAP_ADMIN_PASSWORD is refused: " + weak.get());
        }
        // Another replica may be bootstrapping: wait for it longer than a request's lock_timeout would.
        // statement_timeout too (the request default, 5 s, would cancel the wait first: three replicas
        // starting together on a busy machine, ops/cluster.sh); it is armed when a statement starts,
        // so it is set in a statement of its own before the one that waits.
        sql.first("select set_config('statement_timeout', '70s', true), set_config('lock_timeout', '60s', true)",
                rs -> Boolean.TRUE);
        sql.first("select pg_advisory_xact_lock(hashtext('glide.bootstrap'))", rs -> Boolean.TRUE);
        if (Clinic.count() > 0) {
            return;
        }
        Instant now = clock.instant();
        Clinic clinic = Clinic.create(name.get().strip(), now);
        UserAccount admin = UserAccount.newUser(clinic.id, Role.ADMIN, b.adminName(), now);
        admin.email = email.get().strip().toLowerCase(Locale.ROOT);
        admin.passwordHash = passwords.hash(password.get());
        admin.persist();
        audit.recordAs(clinic.id, null, AuditLog.SYSTEM, "clinic", clinic.id, "bootstrapped",
                Map.of("adminEmail", admin.email));
        LOG.infof("Bootstrap: created clinic '%s' and admin %s. Log in with POST /v1/auth/login.", clinic.name,
                admin.email);
    }
}
