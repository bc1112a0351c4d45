package app.glide.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL primary and a streaming standby of its own (never the machine's cluster): initdb into
 * a temporary folder as the postgres user, wal_level replica, {@code pg_basebackup -R} for the standby.
 * Ports are free ones (a ServerSocket(0) each, closed before the server starts). {@link #close()} stops
 * both immediately and removes the folder; a JVM shutdown hook does the same if the test never gets
 * to close it (a killed or crashed test run).
 */
public final class StreamingPair implements AutoCloseable {

    public static final String PG_BIN = System.getProperty("glidetest.pg.bin", "/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final int primaryPort;
    private final int standbyPort;
    private boolean standbyRunning;
    private boolean closed;
    private final Thread cleanup = new Thread(this::closeQuietly, "streaming-pair-cleanup");

    /** Whether the binaries this needs are here. */
    public static boolean available() {
        return Files.isExecutable(Path.of(PG_BIN, "initdb")) && Files.isExecutable(Path.of(PG_BIN, "pg_basebackup"));
    }

    /** A pair on two free ports. */
    public StreamingPair() throws Exception {
        this(freePorts());
    }

    private StreamingPair(int[] ports) throws Exception {
        this(ports[0], ports[1]);
    }

    /** Two distinct free ports: both sockets held open together, so the system cannot hand out one twice. */
    static int[] freePorts() throws java.io.IOException {
        java.net.InetAddress local = java.net.InetAddress.getByName("127.0.0.1");
        try (java.net.ServerSocket a = new java.net.ServerSocket(0, 1, local);
             java.net.ServerSocket b = new java.net.ServerSocket(0, 1, local)) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }

    public StreamingPair(int primaryPort, int standbyPort) throws Exception {
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
        dir = Files.createTempDirectory("glide-replica-pg");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            if (isRoot()) {
                run("chown", "postgres:postgres", dir.toString());
            }
            Path primary = dir.resolve("primary");
            asPostgres(PG_BIN + "/initdb", "-D", primary.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--no-sync", "--no-instructions");
            asPostgres(PG_BIN + "/pg_ctl", "-D", primary.toString(), "-l", dir.resolve("primary.log").toString(), "-w",
                    "-o", options(primaryPort) + " -c wal_level=replica -c max_wal_senders=4", "start");
            asPostgres(PG_BIN + "/pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(primaryPort), "-U", "postgres",
                    "-D", dir.resolve("standby").toString(), "-R", "-X", "stream", "--no-sync");
            startStandby();
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    private String options(int port) {
        return "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
                + " -c max_connections=30";
    }

    public PGSimpleDataSource primary() {
        return dataSource(primaryPort);
    }

    public PGSimpleDataSource standby() {
        return dataSource(standbyPort);
    }

    private static PGSimpleDataSource dataSource(int port) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName("postgres");
        ds.setUser("postgres");
        ds.setConnectTimeout(2);
        ds.setSocketTimeout(5);
        return ds;
    }

    /** Runs one statement on a data source (autocommit). */
    public static void execute(javax.sql.DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute(sql);
        }
    }

    public void startStandby() throws Exception {
        asPostgres(PG_BIN + "/pg_ctl", "-D", dir.resolve("standby").toString(), "-l", dir.resolve("standby.log").toString(),
                "-w", "-o", options(standbyPort), "start");
        standbyRunning = true;
    }

    public void stopStandby() throws Exception {
        asPostgres(PG_BIN + "/pg_ctl", "-D", dir.resolve("standby").toString(), "-m", "immediate", "-w", "stop");
        standbyRunning = false;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            System.err.println("StreamingPair cleanup of " + dir + " failed: " + e);
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != cleanup) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // The JVM is shutting down: the hook runs this anyway.
            }
        }
        try {
            if (standbyRunning) {
                stopStandby();
            }
        } finally {
            try {
                if (Files.exists(dir.resolve("primary/postmaster.pid"))) {
                    asPostgres(PG_BIN + "/pg_ctl", "-D", dir.resolve("primary").toString(), "-m", "immediate", "-w", "stop");
                }
            } finally {
                run("rm", "-rf", dir.toString());
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** PostgreSQL refuses to run as root: as the postgres user when this is root. */
    private static void asPostgres(String... command) throws Exception {
        if (!isRoot()) {
            run(command);
            return;
        }
        String[] full = new String[command.length + 4];
        full[0] = "runuser";
        full[1] = "-u";
        full[2] = "postgres";
        full[3] = "--";
        System.arraycopy(command, 0, full, 4, command.length);
        run(full);
    }

    private static void run(String... command) throws Exception {
        Path out = Files.createTempFile("glide-replica-cmd", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
