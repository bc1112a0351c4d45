package app.glide.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged jar as production starts it, for the integration tests that run it as a
 * process: its own schema, the two database roles, the dev keys and a bootstrap admin.
 */
public final class PackagedApp {

    public static final String DB = "jdbc:postgresql://localhost:5432/postgres";

    private PackagedApp() {
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** One statement as the cluster's superuser (creating and dropping the test's schema). */
    public static void sql(String statement) throws SQLException {
        try (var c = DriverManager.getConnection(DB, "postgres", "postgres")) {
            c.createStatement().execute(statement);
        }
    }

    /** A fresh schema name for one test class's runs. */
    public static String newSchema() {
        return "glide_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Everything production must set, for a service on {@code port} over {@code schema}. */
    public static Map<String, String> environment(String schema, int port, String clinicName, String adminEmail) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", DB + "?currentSchema=" + schema);
        env.put("QUARKUS_DATASOURCE_USERNAME", TestDatabase.APP);
        env.put("QUARKUS_DATASOURCE_PASSWORD", TestDatabase.APP_PASSWORD);
        env.put("QUARKUS_FLYWAY_USERNAME", TestDatabase.OWNER);
        env.put("QUARKUS_FLYWAY_PASSWORD", TestDatabase.OWNER_PASSWORD);
        env.put("QUARKUS_FLYWAY_SCHEMAS", schema);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", "0"); // metrics port (9000 by default): any free one
        env.put("GLIDE_JWT_PRIVATE_KEY_LOCATION", Path.of("config/dev-keys/private.pem").toAbsolutePath().toString());
        env.put("GLIDE_JWT_PUBLIC_KEY_LOCATION", Path.of("config/dev-keys/public.pem").toAbsolutePath().toString());
        env.put("GLIDE_BOOTSTRAP_CLINIC_NAME", clinicName);
        env.put("GLIDE_BOOTSTRAP_ADMIN_EMAIL", adminEmail);
        env.put("GLIDE_BOOTSTRAP_ADMIN_PASSWORD", "a long enough admin password");
        return env;
    }
}
