package app.glide.auth;

import app.glide.config.GlideConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bcrypt hashing for staff passwords and enrolment-code secrets.
 *
 * <p>Every path that may reject a secret spends the same work whether or not there is
 * something to check it against: {@link #burnVerification} verifies against a dummy hash
 * made with the configured cost, the same cost as every hash this service makes. Each
 * verification is counted with its cost ({@link #work()}), so tests compare the work of two
 * paths instead of their wall-clock time.
 *
 * <p>The dummy hash (~150 ms of CPU at cost 11) is made on a thread of its own once the
 * service has started, not on the start path (docs/benchmarks.md "Start time"); readiness
 * waits for it ({@link PasswordVerifierReadiness}), so no login reaches a replica before it, and a
 * verification that still comes earlier (directly, bypassing the balancer) waits for it rather
 * than costing that request a second bcrypt run.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = PasswordPolicy.MIN_LENGTH;

    private static final AtomicLong VERIFICATIONS = new AtomicLong();
    /** Sum of 2^cost over all verifications: the bcrypt work done, in rounds. */
    private static final AtomicLong ROUNDS = new AtomicLong();

    @Inject
    GlideConfig config;

    /** A valid hash of a random string nobody knows, with the configured cost. */
    private final CompletableFuture<String> dummyHash = new CompletableFuture<>();

    /** Last of the startup observers: after the service's own start work. */
    void makeDummyHash(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent start) {
        int cost = config.password().bcryptCost();
        Thread maker = new Thread(() -> {
            try {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                dummyHash.complete(BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(random), cost));
            } catch (RuntimeException | Error e) {
                dummyHash.completeExceptionally(e);
                throw e;
            }
        }, "bcrypt-dummy-hash");
        maker.setDaemon(true);
        maker.start();
    }

    /** Whether the dummy hash is made (readiness waits for it: {@link PasswordVerifierReadiness}). */
    boolean dummyHashReady() {
        return dummyHash.isDone() && !dummyHash.isCompletedExceptionally();
    }

    public String hash(String secret) {
        return BcryptUtil.bcryptHash(secret, config.password().bcryptCost());
    }

    public boolean matches(String secret, String hash) {
        if (hash == null) {
            burnVerification(secret);
            return false;
        }
        count(hash);
        return BcryptUtil.matches(secret, hash);
    }

    /** Spends the work of one verification at the configured cost without a hash to verify against. */
    public void burnVerification(String secret) {
        String dummy = dummyHash.join();
        count(dummy);
        BcryptUtil.matches(secret, dummy);
    }

    /** Whether a stored hash was made with a lower cost than configured now (then it is worth rehashing). */
    public boolean needsRehash(String hash) {
        return cost(hash) < config.password().bcryptCost();
    }

    /** Verifications done by this JVM so far and their bcrypt rounds (2^cost each). */
    public static Work work() {
        return new Work(VERIFICATIONS.get(), ROUNDS.get());
    }

    public record Work(long verifications, long rounds) {
        public Work minus(Work before) {
            return new Work(verifications - before.verifications, rounds - before.rounds);
        }
    }

    private static void count(String hash) {
        VERIFICATIONS.incrementAndGet();
        ROUNDS.addAndGet(1L << cost(hash));
    }

    /** The cost of a modular-crypt bcrypt hash ({@code $2a$11$…}); 0 when it is not one. */
    static int cost(String hash) {
        try {
            return Integer.parseInt(hash.substring(4, 6));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
