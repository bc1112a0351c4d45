package app.glide.auth;

import app.glide.config.GlideConfig;
import app.glide.web.ApiProblem;
import app.glide.web.GracefulShutdown;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
 */
@ApplicationScoped
public class AttemptLimiter {

    @Inject
    GlideConfig config;

    @Inject
    GracefulShutdown shutdown;

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
            em().createNativeQuery("""
                    insert into rate_limit_counter (bucket, window_start, attempts) values (?1, ?2, 1)
                    on conflict (bucket, window_start) do update set attempts = rate_limit_counter.attempts + 1
                    """)
                    .setParameter(1, b.key())
                    .setParameter(2, windowStart(Instant.now()))
                    .executeUpdate();
        }
    }

    /** The attempt succeeded: the delay starts afresh, and a login's address becomes known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(Admission admission) {
        if (admission.throttleKey() != null) {
            em().createNativeQuery("delete from auth_throttle where key = ?1")
                    .setParameter(1, admission.throttleKey()).executeUpdate();
        }
        if (admission.account() != null) {
            em().createNativeQuery("""
                    insert into login_known_address (account, address, last_success_at) values (?1, ?2, now())
                    on conflict (account, address) do update set last_success_at = now()
                    """)
                    .setParameter(1, admission.account())
                    .setParameter(2, admission.address())
                    .executeUpdate();
        }
    }

    /** A password reset: the owner gets in again at once from anywhere. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clearAccount(String email) {
        em().createNativeQuery("delete from auth_throttle where key = ?1")
                .setParameter(1, "login:" + email.strip().toLowerCase(Locale.ROOT)).executeUpdate();
    }

    /** A new enrolment code: nothing counted against its lookup or the revoked ones' lookups remains. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clearCodes(Collection<String> lookups) {
        for (String lookup : lookups) {
            em().createNativeQuery("delete from auth_throttle where key = ?1")
                    .setParameter(1, "enrol:" + lookup).executeUpdate();
            em().createNativeQuery("delete from rate_limit_counter where bucket like ?1")
                    .setParameter(1, codeBucketPrefix(lookup) + "%").executeUpdate();
        }
    }

    /** Safe on every replica at once: deleting expired rows is idempotent. Never starts once SIGTERM has come. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        shutdown.job(() -> QuarkusTransaction.requiringNew().call(() -> {
            em().createNativeQuery("delete from rate_limit_counter where window_start < ?1")
                    .setParameter(1, windowStart(Instant.now()).minus(window()))
                    .executeUpdate();
            em().createNativeQuery("delete from auth_throttle where last_failure_at < now() - interval '1 day'"
                    + " and (next_attempt_at is null or next_attempt_at < now())").executeUpdate();
            em().createNativeQuery("delete from login_known_address where last_success_at < ?1")
                    .setParameter(1, Instant.now().minus(config.rateLimit().knownAddressTtl()))
                    .executeUpdate();
            return null;
        }));
    }

    private boolean isKnown(String account, String address) {
        return !em().createNativeQuery(
                        "select 1 from login_known_address where account = ?1 and address = ?2 and last_success_at > ?3")
                .setParameter(1, account)
                .setParameter(2, address)
                .setParameter(3, Instant.now().minus(config.rateLimit().knownAddressTtl()))
                .getResultList().isEmpty();
    }

    /** 429 when any of the buckets has reached its limit in the current window. */
    private void check(String what, Bucket... buckets) {
        Instant window = windowStart(Instant.now());
        for (Bucket b : buckets) {
            Number attempts = (Number) em()
                    .createNativeQuery("select attempts from rate_limit_counter where bucket = ?1 and window_start = ?2")
                    .setParameter(1, b.key())
                    .setParameter(2, window)
                    .getResultStream().findFirst().orElse(0);
            if (attempts.intValue() >= b.limit()) {
                long retryAfter = Math.max(1, Duration.between(Instant.now(), window.plus(window())).toSeconds());
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
        EntityManager em = em();
        em.createNativeQuery("insert into auth_throttle (key, failures) values (?1, 0) on conflict (key) do nothing")
                .setParameter(1, key).executeUpdate();
        String n = "(case when last_failure_at is null or last_failure_at < now() - interval '1 day' then 1"
                + " else failures + 1 end)";
        int claimed = em.createNativeQuery("update auth_throttle set"
                        // Within the free failures there is no wait at all (null), not "until now()": now()
                        // is each transaction's start, so a parallel attempt that started a moment earlier
                        // would otherwise find the slot taken and be refused.
                        + " next_attempt_at = case when " + n + " >= ?2 then now() + least(?3 * power(2, least(" + n
                        + " - ?2, 40)), ?4) * interval '1 millisecond' end,"
                        + " failures = " + n + ", last_failure_at = now()"
                        + " where key = ?1 and (next_attempt_at is null or next_attempt_at <= now())")
                .setParameter(1, key)
                .setParameter(2, config.rateLimit().freeFailures())
                .setParameter(3, (double) config.rateLimit().firstDelay().toMillis())
                .setParameter(4, (double) config.rateLimit().maxDelay().toMillis())
                .executeUpdate();
        if (claimed == 0) {
            Number wait = (Number) em.createNativeQuery(
                            "select ceil(extract(epoch from next_attempt_at - now())) from auth_throttle where key = ?1")
                    .setParameter(1, key).getSingleResult();
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

    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    private Duration window() {
        return config.rateLimit().window();
    }

    private Instant windowStart(Instant now) {
        long size = window().toMillis();
        return Instant.ofEpochMilli(now.toEpochMilli() / size * size);
    }
}
