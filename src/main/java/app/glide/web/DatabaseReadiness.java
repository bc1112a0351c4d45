package app.glide.web;

import app.glide.db.DirectConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: can this replica reach the database right now? Opens its own short-lived
 * connection with a short connect and socket timeout and runs {@code select 1}, so it
 * neither waits for the pool (a pool busy with one patient's locked rows says nothing
 * about the database) nor on any lock. It answers only UP or DOWN, with no data: the
 * endpoint needs no login, so why it is down (host, port, driver message) goes to the log
 * ({@link DbOutages}), never into the answer.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "Database";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @ConfigProperty(name = "glide.db.readiness-timeout", defaultValue = "2s")
    Duration timeout;

    @Inject
    DbOutages outages;

    @Override
    public HealthCheckResponse call() {
        String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("connectTimeout", seconds);
        props.setProperty("socketTimeout", seconds);
        props.setProperty("loginTimeout", seconds);
        props.setProperty("ApplicationName", "glide-readiness");
        try {
            DirectConnection.selectOne(url, props, Integer.parseInt(seconds));
            outages.succeeded();
            return HealthCheckResponse.up(NAME);
        } catch (SQLException | RuntimeException e) {
            outages.readinessFailed(DbFailure.describe(e));
            return HealthCheckResponse.down(NAME);
        }
    }
}
