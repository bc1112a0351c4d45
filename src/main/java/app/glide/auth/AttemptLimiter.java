package app.glide.auth;

import app.glide.config.GlideConfig;
import app.glide.db.Sql;
import app.glide.time.WallClock;
import app.glide.web.ApiProblem;
import app.glide.web.GracefulShutdown;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Limits on failed logins and enrolments, designed so that an attacker cannot lock the
 * legitimate user out (docs/security.md, "Limits"). Everything lives in PostgreSQL so every
 * replica sees the same counts.
 *
 * <ul>
 *   <li>Per (account or code, address), fixed windows: 5 failures per 15 minutes. This is all
 *       an address an account has logged in from before is subject to.</li>
 *   <li>Per address, fixed windows: 20 failures per 15 minutes, against spraying many accounts
 *       or codes from one address; skipped for an account at an address it logged in from.</li>
 *   <li>Per account or code, from any address: no hard lock but a growing delay. Every
 *       attempt that is evaluated is counted first (so parallel requests cannot slip through
 *       together); after {@code free-failures} of them, the next one must wait
 *       {@code first-delay}, doubling with each further failure up to {@code max-delay}. During
 *       the wait nothing is evaluated (429 with Retry-After); after it, the right secret works.
 *       A success through it clears it; so does a day without failures; so does a new
 *       enrolment code. Logins from known addresses never touch it.</li>
 * </ul>
 *
 * <p>Security time: the SQL keeps PostgreSQL's {@code now()} (one time for every replica), not the clinical clock.
 */
@ApplicationScoped
public class AttemptLimiter {

    @Inject
    Sql sql;

    @Inject
    GlideConfig config;

    @Inject
    GracefulShutdown shutdown;

    @Inject
    @WallClock
    Clock clock;

    /** What an admitted attempt counts against when it fails, and what a success clears. */
    public record Admission(String what, List<Bucket> onFailure, String throttleKey, String account, String address) {
    }

    public record Bucket(String key, int limit, String scope) {
    }

    /**
     * Lets a login attempt through or refuses it with 429, in its own short transaction (so the
     * count is committed whatever happens next and no row lock is held while bcrypt runs).
     */
    public Admission admitLogin(String email, String address) {
        String account = email.strip().toLowerCase(Locale.ROOT);
        Bucket pair = new Bucket("login:account-address:" + account + " " + address,
                config.rateLimit().loginFailuresPerAccountAndAddress(), "for this account from your network address");
        Bucket fromAddress = new Bucket("login:address:" + address, config.rateLimit().loginFailuresPerAddress(),
                "from your network address");
        String throttleKey = "login:" + account;
        return QuarkusTransaction.requiringNew().call(() -> {
            if (isKnown(account, address)) {
                check("login", pair);
                return new Admission("login", List.of(pair), null, account, address);
            }
            check("login", pair, fromAddress);
            claim("login", throttleKey, "for this account");
            return new Admission("login", List.of(pair, fromAddress), throttleKey, account, address);
        });
    }

    /** As {@link #admitLogin} for an enrolment code's lookup. */
    public Admission admitEnrolment(String lookup, String address) {
        Bucket pair = new Bucket(codeBucketPrefix(lookup) + address, config.rateLimit().enrolFailuresPerCodeAndAddress(),
                "for this code from your network address");
        Bucket fromAddress = enrolAddress(address);
        String throttleKey = "enrol:" + lookup;
        return QuarkusTransaction.requiringNew().call(() -> {
            check("enrolment", pair, fromAddress);
            claim("enrolment", throttleKey, "for this code");
            return new Admission("enrolment", List.of(pair, fromAddress), throttleKey, null, address);
        });
    }

    /** Input that cannot be a code at all: only the address is limited. */
    public Admission admitMalformedCode(String address) {
        Bucket fromAddress = enrolAddress(address);
        return QuarkusTransaction.requiringNew().call(() -> {
            check("enrolment", fromAddress);
            return new Admission("enrolment", List.of(fromAddress), null, null, address);
        });
    }

    /** The attempt failed: counts it in the windows (in the caller's transaction, which must commit). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(Admission admission) {
        for (Bucket b : admission.onFailure()) {
            sql.update("""
                    insert into rate_limit_counter (bucket, window_start, attempts) values (?, ?, 1)
                    on conflict (bucket, window_start) do update set attempts = rate_limit_counter.attempts + 1
                    """, b.key(), windowStart(clock.instant()));
        }
    }

    /** The attempt succeeded: the delay starts afresh, and a login's address becomes known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(Admission admission) {
        if (admission.throttleKey() != null) {
            sql.update("delete from auth_throttle where key = ?", admission.throttleKey());
        }
        if (admission.account() != null) {
            sql.update("""
                    insert into login_known_address (account, address, last_success_at) values (?, ?, now())
                    on conflict (account, address) do update set last_success_at = now()
                    """, admission.account(), admission.address());
        }
    }

    /** A password reset: the owner gets in again at once from anywhere. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clearAccount(String email) {
        sql.update("delete from auth_throttle where key = ?", "login:" + email.strip().toLowerCase(Locale.ROOT));
    }

    /** A new enrolment code: nothing counted against its lookup or the revoked ones' lookups remains. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clearCodes(Collection<String> lookups) {
        for (String lookup : lookups) {
            sql.update("delete from auth_throttle where key = ?", "enrol:" + lookup);
            sql.update("delete from rate_limit_counter where bucket like ?", codeBucketPrefix(lookup) + "%");
        }
    }

    /** Safe on every replica at once: deleting expired rows is idempotent. Never starts once SIGTERM has come. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        shutdown.job(() -> QuarkusTransaction.requiringNew().call(() -> {
            sql.update("delete from rate_limit_counter where window_start < ?", windowStart(clock.instant()).minus(window()));
            sql.update("delete from auth_throttle where last_failure_at < now() - interval '1 day'"
                    + " and (next_attempt_at is null or next_attempt_at < now())");
            sql.update("delete from login_known_address where last_success_at < ?",
                    clock.instant().minus(config.rateLimit().knownAddressTtl()));
            return null;
        }));
    }

    private boolean isKnown(String account, String address) {
        return sql.first("select 1 from login_known_address where account = ? and address = ? and last_success_at > ?",
                rs -> Boolean.TRUE, account, address, clock.instant().minus(config.rateLimit().knownAddressTtl())).isPresent();
    }

    /** 429 when any of the buckets has reached its limit in the current window. */
    private void check(String what, Bucket... buckets) {
        Instant window = windowStart(clock.instant());
        for (Bucket b : buckets) {
            int attempts = sql.first("select attempts from rate_limit_counter where bucket = ? and window_start = ?",
                    rs -> rs.getInt(1), b.key(), window).orElse(0);
            if (attempts >= b.limit()) {
                long retryAfter = Math.max(1, Duration.between(clock.instant(), window.plus(window())).toSeconds());
                throw ApiProblem.tooManyAttempts(retryAfter, "Too many failed " + what + " attempts " + b.scope()
                        + "; try again in " + retryAfter + " seconds.");
            }
        }
    }

    /**
     * Counts one evaluated attempt against the key, or refuses it (429) while the key must wait.
     * The count is made before the secret is checked and undone only by a success, so parallel
     * attempts cannot all pass the same free slot. {@code failures} after this attempt is
     * {@code n}; from {@code n = free} on, the next attempt waits first-delay * 2^(n - free),
     * at most max-delay. A key without failures for a day starts again at zero.
     */
    private void claim(String what, String key, String scope) {
        sql.update("insert into auth_throttle (key, failures) values (?, 0) on conflict (key) do nothing", key);
        String n = "(case when last_failure_at is null or last_failure_at < now() - interval '1 day' then 1"
                + " else failures + 1 end)";
        int claimed = sql.update("update auth_throttle set"
                        // Within the free failures there is no wait at all (null), not "until now()": now()
                        // is each transaction's start, so a parallel attempt that started a moment earlier
                        // would otherwise find the slot taken and be refused.
                        + " next_attempt_at = case when " + n + " >= ? then now() + least(? * power(2, least(" + n
                        + " - ?, 40)), ?) * interval '1 millisecond' end,"
                        + " failures = " + n + ", last_failure_at = now()"
                        + " where key = ? and (next_attempt_at is null or next_attempt_at <= now())",
                config.rateLimit().freeFailures(), (double) config.rateLimit().firstDelay().toMillis(),
                config.rateLimit().freeFailures(), (double) config.rateLimit().maxDelay().toMillis(), key);
        if (claimed == 0) {
            BigDecimal wait = sql.first(
                            "select ceil(extract(epoch from next_attempt_at - now())) from auth_throttle where key = ?",
                            rs -> rs.getBigDecimal(1), key).orElse(null);
            long retryAfter = Math.max(1, wait == null ? 1 : wait.longValue());
            throw ApiProblem.tooManyAttempts(retryAfter, "Too many failed " + what + " attempts " + scope
                    + "; try again in " + retryAfter + " seconds.");
        }
    }

    private Bucket enrolAddress(String address) {
        return new Bucket("enrol:address:" + address, config.rateLimit().enrolFailuresPerAddress(),
                "from your network address");
    }

    private static String codeBucketPrefix(String lookup) {
        return "enrol:code:" + lookup + ":";
    }

    private Duration window() {
        return config.rateLimit().window();
    }

    private Instant windowStart(Instant now) {
        long size = window().toMillis();
        return Instant.ofEpochMilli(now.toEpochMilli() / size * size);
    }
}
