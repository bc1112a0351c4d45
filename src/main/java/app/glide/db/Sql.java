package app.glide.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one path for native SQL: every statement Hibernate does not generate (HQL and Panache)
 * runs here. Plain JDBC: on the hot paths (logging a session, serving the plan) going through
 * Hibernate's native-query machinery cost more CPU than the statement itself. Unlike a
 * Hibernate native query, a statement here does not flush the persistence context first: a
 * caller that reads rows it may have changed through entities in the same transaction
 * flushes before. Inside a
 * transaction the data source hands out the connection the transaction already holds, so
 * these statements and the entity manager's see each other's writes and commit together.
 * Parameters are bound by type (UUID, Instant, LocalDate, numbers, strings, byte arrays);
 * a jsonb parameter is a string the statement casts ({@code cast(? as jsonb)}).
 */
@ApplicationScoped
public class Sql {

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReadRouting routing;

    private final LongAdder executed = new LongAdder();

    /** Statements run through this class since start (Hibernate's statistics count the others). */
    public long executed() {
        return executed.sum();
    }

    public int update(String sql, Object... params) {
        return update(true, sql, params);
    }

    /**
     * Like {@link #update}, but not counted in {@link #executed()}: for a write a replica makes on
     * its own thread outside any request (the access log's batches), which would otherwise land at
     * random in a test's statement count.
     */
    public int updateUncounted(String sql, Object... params) {
        return update(false, sql, params);
    }

    private int update(boolean counted, String sql, Object... params) {
        Connection pinned = routing.pinned();
        try {
            if (pinned != null) {
                // A replica snapshot is read only: a write here is a bug, whatever the replica says.
                throw new IllegalStateException("Sql.update inside ReadRouting.onReplicaSnapshot: " + sql.strip());
            }
            try (Connection c = dataSource.getConnection()) {
                return update(c, counted, sql, params);
            }
        } catch (SQLException e) {
            throw new SqlFailure(sql, e);
        }
    }

    private int update(Connection c, boolean counted, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            if (counted) {
                executed.increment();
            }
            return ps.executeUpdate();
        }
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        return list(true, sql, row, params);
    }

    /**
     * Like {@link #list}, but not counted in {@link #executed()}: for a statement a replica runs on
     * its own timer outside any request (the token revocation poll, every 200 ms in tests), which
     * would otherwise land at random in a test's statement count.
     */
    public <T> List<T> listUncounted(String sql, Row<T> row, Object... params) {
        return list(false, sql, row, params);
    }

    /**
     * A read: on the connection pinned by {@link ReadRouting#onReplicaSnapshot}, else on the read
     * replica when {@link ReadRouting#lagTolerant} allows it now, else on the primary (the caller's
     * transaction's connection when there is one). A read the replica fails (unreachable, recovery
     * conflict) runs again on the primary.
     */
    private <T> List<T> list(boolean counted, String sql, Row<T> row, Object... params) {
        try {
            Connection pinned = routing.pinned();
            if (pinned != null) {
                return query(pinned, counted, sql, row, params);
            }
            javax.sql.DataSource replica = routing.readTarget();
            if (replica != null) {
                Connection c = acquire(replica);
                if (c != null) {
                    boolean[] mapped = {false};
                    Row<T> watched = rs -> {
                        mapped[0] = true;
                        return row.map(rs);
                    };
                    try (c) {
                        return query(c, counted, sql, watched, params);
                    } catch (SQLException e) {
                        // Again on the primary only if no row reached the caller's mapper (which may
                        // collect rows as it goes): a failure mid-result is the 503 it would be anyway.
                        if (mapped[0] || !ReadRouting.replicaFailure(e)) {
                            throw e;
                        }
                        routing.replicaFailed(e); // logged once, counted; the read goes to the primary
                    }
                }
            }
            try (Connection c = dataSource.getConnection()) {
                return query(c, counted, sql, row, params);
            }
        } catch (SQLException e) {
            throw new SqlFailure(sql, e);
        }
    }

    /**
     * A replica connection still within the bound, or null: the read goes to the primary. The pool
     * exhausted sends only this read to the primary (the lag stays known); a replica failure also
     * forgets the lag; the bound re-checked once the connection is in hand (acquiring may wait).
     */
    private Connection acquire(javax.sql.DataSource replica) throws SQLException {
        Connection c;
        try {
            c = replica.getConnection();
        } catch (SQLException e) {
            if (ReadRouting.poolExhausted(e)) {
                routing.poolExhausted();
                return null;
            }
            if (!ReadRouting.replicaFailure(e)) {
                throw e;
            }
            routing.replicaFailed(e);
            return null;
        }
        if (!routing.stillWithinBound()) {
            c.close();
            return null;
        }
        return c;
    }

    private <T> List<T> query(Connection c, boolean counted, String sql, Row<T> row, Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            if (counted) {
                executed.increment();
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    public <T> Optional<T> first(String sql, Row<T> row, Object... params) {
        List<T> rows = list(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int at = i + 1;
            if (p == null) {
                ps.setNull(at, Types.NULL);
            } else if (p instanceof Instant t) {
                ps.setObject(at, t.atOffset(ZoneOffset.UTC));
            } else if (p instanceof byte[] b) {
                ps.setBytes(at, b);
            } else if (p instanceof BigDecimal d) {
                ps.setBigDecimal(at, d);
            } else if (p instanceof UUID[] ids) {
                ps.setArray(at, ps.getConnection().createArrayOf("uuid", ids));
            } else if (p instanceof String[] texts) {
                ps.setArray(at, ps.getConnection().createArrayOf("text", texts));
            } else {
                ps.setObject(at, p);
            }
        }
    }

    /** A statement failed: a programming or database error, never bad input (that is checked before). */
    public static final class SqlFailure extends RuntimeException {
        public SqlFailure(String sql, SQLException cause) {
            super("statement failed (" + cause.getSQLState() + "): " + sql.strip().lines().findFirst().orElse(""), cause);
        }
    }
}
