package app.glide.db;

import app.glide.config.GlideConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The scheduled jobs' own timeouts (glide.db.job-lock-timeout, job-statement-timeout), longer
 * than the request paths' connection defaults: a job may wait where a phone must not. Set per
 * transaction ({@code set_config(..., true)}), so the pooled connection keeps its defaults.
 */
@ApplicationScoped
public class JobTimeouts {

    /** A select-list part that sets them; bind {@link #params()} first. */
    public static final String SET = "set_config('lock_timeout', ?, true), set_config('statement_timeout', ?, true)";

    @Inject
    GlideConfig config;

    public Object[] params() {
        return new Object[] {config.db().jobLockTimeout(), config.db().jobStatementTimeout()};
    }

    /** Sets them for the current transaction. */
    public void apply(Sql sql) {
        sql.first("select " + SET, rs -> Boolean.TRUE, params());
    }
}
