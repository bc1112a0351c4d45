package app.glide.auth;

import app.glide.config.GlideConfig;
import app.glide.web.ApiProblem;
import app.glide.web.GracefulShutdown;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts failed login and enrolment attempts in fixed windows, in PostgreSQL so every
 * replica sees the same counts. Over the limit, the answer is 429 with Retry-After.
 */
@ApplicationScoped
public class AttemptLimiter {

    @Inject
    GlideConfig config;

    @Inject
    GracefulShutdown shutdown;

    /** Throws 429 when any of the buckets has reached its limit in the current window. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(String what, Bucket... buckets) {
        Instant window = windowStart(Instant.now());
        for (Bucket b : buckets) {
            Number attempts = (Number) Panache.getEntityManager()
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFailure(Bucket... buckets) {
        Instant window = windowStart(Instant.now());
        for (Bucket b : buckets) {
            Panache.getEntityManager().createNativeQuery("""
                    insert into rate_limit_counter (bucket, window_start, attempts) values (?1, ?2, 1)
                    on conflict (bucket, window_start) do update set attempts = rate_limit_counter.attempts + 1
                    """)
                    .setParameter(1, b.key())
                    .setParameter(2, window)
                    .executeUpdate();
        }
    }

    /** Safe on every replica at once: deleting expired windows is idempotent. Never starts once SIGTERM has come. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpiredWindows() {
        shutdown.job(() -> QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("delete from rate_limit_counter where window_start < ?1")
                .setParameter(1, windowStart(Instant.now()).minus(window()))
                .executeUpdate()));
    }

    public Bucket loginAccount(String email) {
        return new Bucket("login:account:" + email.toLowerCase(java.util.Locale.ROOT),
                config.rateLimit().loginFailuresPerAccount(), "for this account");
    }

    public Bucket loginAddress(String address) {
        return new Bucket("login:address:" + address, config.rateLimit().loginFailuresPerAddress(),
                "from your network address");
    }

    public Bucket enrolCode(String lookup) {
        return new Bucket("enrol:code:" + lookup, config.rateLimit().enrolFailuresPerCode(), "for this code");
    }

    public Bucket enrolAddress(String address) {
        return new Bucket("enrol:address:" + address, config.rateLimit().enrolFailuresPerAddress(),
                "from your network address");
    }

    private Duration window() {
        return config.rateLimit().window();
    }

    private Instant windowStart(Instant now) {
        long size = window().toMillis();
        return Instant.ofEpochMilli(now.toEpochMilli() / size * size);
    }

    public record Bucket(String key, int limit, String scope) {
    }
}
