package app.glide.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The service's own settings. Every value can be set by environment variable (GLIDE_...). */
@ConfigMapping(prefix = "glide")
public interface GlideConfig {

    Jwt jwt();

    Enrolment enrolment();

    RateLimit rateLimit();

    Bootstrap bootstrap();

    Password password();

    Required required();

    Monitoring monitoring();

    Push push();

    Media media();

    Audit audit();

    Export export();

    Db db();

    Bulkhead bulkhead();

    ReadReplica readReplica();

    /** Read routing (db/ReadRouting, docs/operations.md "Read routing"). */
    interface ReadReplica {
        /** Whether lag-tolerant reads may use the {@code read} data source; off: every read is the primary's. */
        @WithDefault("false")
        boolean enabled();

        /** The staleness bound: a routed read is never further behind the primary than this. */
        @WithDefault("5s")
        Duration maxLag();

        /** How often each instance measures the replica's lag (a timer, never on a request's path). */
        @WithDefault("1s")
        Duration checkEvery();

        /**
         * The socket timeout of a replica snapshot's connection (an export build): its statements run
         * up to glide.db.job-statement-timeout, longer than the read pool's request-path socketTimeout.
         */
        @WithDefault("75s")
        Duration exportSocketTimeout();

        /** The replica's JDBC URL (quarkus.datasource.read.jdbc.url defaults to the primary's without it). */
        Optional<String> jdbcUrl();

        /** The role the read pool connects as; the primary pool's by default. */
        Optional<String> username();

        /** Its password; the primary pool's by default. */
        Optional<String> password();
    }

    /** Database timeouts and outage handling (docs/operations.md). Timeouts are PostgreSQL durations (2s, 500ms). */
    interface Db {
        /** lock_timeout of every request's connection. */
        @WithDefault("2s")
        String lockTimeout();

        /** statement_timeout of every request's connection. */
        @WithDefault("5s")
        String statementTimeout();

        /** lock_timeout of each scheduled job's transaction (monitoring, audit sealing; db/JobTimeouts). */
        @WithDefault("10s")
        String jobLockTimeout();

        /** statement_timeout of each scheduled job's transaction. */
        @WithDefault("60s")
        String jobStatementTimeout();

        /** Connect, login and query timeout of the readiness check's own connection. */
        @WithDefault("2s")
        Duration readinessTimeout();

        /** An outage is summed up at the first success this long after its last failure. */
        @WithDefault("5s")
        Duration outageQuiet();
    }

    /** The per-patient bulkhead on patient writes (web/PatientWritesInterceptor). */
    interface Bulkhead {
        /** Writes for one patient running at once in this replica. */
        @WithDefault("4")
        int perPatient();

        /** How long more wait, holding no connection, before 503 try-again. */
        @WithName("wait")
        @WithDefault("5s")
        Duration maxWait();
    }

    Shutdown shutdown();

    Revocation revocation();

    /** Access-token revocation (auth/Revocations, docs/security.md). */
    interface Revocation {
        /** How often each replica reads new revocations (one indexed query). */
        @WithDefault("2s")
        Duration pollEvery();

        /** Past this long without a successful read, requests with an access token answer 503 (fail closed). */
        @WithDefault("20s")
        Duration maxStaleness();
    }

    /** What happens on SIGTERM (quarkus.shutdown.delay points at the pre-stop delay). */
    interface Shutdown {
        /**
         * How long readiness answers DOWN while requests are still served, before the listener
         * closes: longer than a load balancer needs to notice (probe period × failure threshold).
         */
        @WithDefault("5s")
        Duration preStopDelay();
    }

    /** Patients' data exports (issue 17; export/ExportJob, docs/security.md "Data export"). */
    interface Export {
        /** How often each replica looks for exports to build and expired ones to clear; {@code off} disables it. */
        @WithDefault("5s")
        String buildEvery();

        /** How long a replica may build one export before another replica may take it over. */
        @WithDefault("PT10M")
        Duration lease();

        /** How long a built export can be downloaded. */
        @WithDefault("P7D")
        Duration ttl();

        /** The largest ZIP stored (in the database row); a bigger one fails with {@code too-large}. */
        @WithDefault("67108864")
        long maxBytes();

        /** Builds tried before an export is FAILED. */
        @WithDefault("3")
        int maxAttempts();
    }

    /** The audit chain's sealer (audit/AuditSealer). */
    interface Audit {
        /** How often each replica seals committed events into the hash chain; {@code off} disables it. */
        @WithDefault("10s")
        String sealEvery();

        /** How long after start the first seal runs. */
        @WithDefault("10s")
        String sealDelay();

        /** Events chained per transaction; a backlog is chained batch after batch, resting between. */
        @WithDefault("500")
        int sealBatch();
    }

    /** The push outbox's jobs (push/PushDispatcher, push/PushDueJob; docs/push.md); "off" disables a schedule. */
    interface Push {
        /** How often each replica sends due outbox rows. */
        @WithDefault("5s")
        String dispatchEvery();

        @WithDefault("30s")
        String delay();

        /** Rows one dispatcher run claims. */
        @WithDefault("50")
        int batch();

        /** How long a claimed row is hidden from other dispatchers (sent again after it only if this one died). */
        @WithDefault("PT5M")
        Duration lease();

        /** Attempts answered RETRY before a row is FAILED. */
        @WithDefault("8")
        int maxAttempts();

        /** How often the job writing NUDGE and QUESTIONNAIRE_DUE rows runs. */
        @WithDefault("5m")
        String dueEvery();

        /**
         * The APNs settings ({@code glide.push.apns.*}, read by push/apns/ApnsSettings): named here so
         * that they are known keys of this mapping (else setting one fails startup).
         */
        Map<String, String> apns();

        /** The FCM settings ({@code glide.push.fcm.*}, read by push/fcm/FcmSettings), for the same reason. */
        Map<String, String> fcm();
    }

    /**
     * Exercise media in S3-compatible object storage (media/, docs/media.md). Without an endpoint
     * and bucket, media is switched off: uploads answer 503 media-storage-unavailable and plans carry
     * no media. Tests and dev mode point it at an in-process S3Proxy.
     */
    interface Media {
        /** The S3 API's base URL, e.g. https://s3.eu-central-1.amazonaws.com or http://minio:9000. */
        Optional<String> endpoint();

        /** The URL clients reach the store at, when it differs from {@link #endpoint()} (signed into presigned URLs). */
        Optional<String> publicEndpoint();

        @WithDefault("us-east-1")
        String region();

        Optional<String> bucket();

        Optional<String> accessKey();

        Optional<String> secretKey();

        /** Path-style URLs (endpoint/bucket/key), as MinIO, Ceph and S3Proxy want; false: bucket.endpoint/key. */
        @WithDefault("true")
        boolean pathStyle();

        /**
         * Sign the declared SHA-256 into upload URLs ({@code x-amz-checksum-sha256}), so the store
         * refuses a different body (AWS S3, MinIO). Turn off for a store that refuses the header.
         */
        @WithDefault("true")
        boolean signUploadChecksum();

        /** Lifetime of a presigned upload (PUT) URL. */
        @WithDefault("PT15M")
        Duration uploadUrlTtl();

        /** Lifetime of a presigned download (GET) URL in the patient's plan and media endpoints. */
        @WithDefault("PT6H")
        Duration downloadUrlTtl();

        /** How long an upload may stay unconfirmed before the cleanup job removes row and object. */
        @WithDefault("PT24H")
        Duration pendingTtl();

        /** How long a rejected upload's row (with why) is kept. */
        @WithDefault("P7D")
        Duration rejectedTtl();

        @WithDefault("10485760")
        long maxImageBytes();

        @WithDefault("209715200")
        long maxVideoBytes();

        @WithDefault("PT10M")
        Duration maxVideoDuration();

        /** How often each replica removes expired uploads ({@code off} disables it). */
        @WithDefault("15m")
        String cleanupEvery();

        @WithDefault("1m")
        String cleanupDelay();

        /** Expired uploads one cleanup transaction takes. */
        @WithDefault("100")
        int cleanupBatch();
    }

    /** The hourly monitoring job (MonitoringJob); "off" disables its schedule. */
    interface Monitoring {
        @WithDefault("1h")
        String every();

        @WithDefault("2m")
        String delay();
    }

    /**
     * Settings production cannot run without, mirrored here so that a missing one stops
     * the start during configuration validation, named, before anything else happens
     * (application.properties points these at the real properties).
     */
    interface Required {
        String datasourceJdbcUrl();

        String datasourceUsername();

        String datasourcePassword();

        /** The schema owner that Flyway migrates as (docs/security.md, "Database roles"). */
        String flywayUsername();

        String flywayPassword();
    }

    interface Password {
        /** Bcrypt cost factor for staff passwords and enrolment-code secrets. */
        @WithDefault("11")
        int bcryptCost();

        /** How long a password reset token an admin issued stays usable. */
        @WithDefault("PT1H")
        Duration resetTokenTtl();
    }

    interface Jwt {
        /** {@code iss} of issued tokens, and the only issuer accepted. */
        @WithDefault("https://glide.example/api")
        String issuer();

        /** PEM (PKCS#8) RSA private key that signs access tokens. Required; no default in prod. */
        String privateKeyLocation();

        /** PEM RSA public key that verifies access tokens. Required; no default in prod. */
        String publicKeyLocation();

        @WithDefault("PT15M")
        Duration accessTokenTtl();

        @WithDefault("P30D")
        Duration refreshTokenTtl();
    }

    interface Enrolment {
        @WithDefault("P7D")
        Duration codeTtl();
    }

    /** Limits on failed logins and enrolments (auth/AttemptLimiter, docs/security.md "Limits"). */
    interface RateLimit {
        /** Length of the fixed window in which failed attempts per address are counted. */
        @WithDefault("PT15M")
        Duration window();

        /** Failed logins for one account from one address per window. */
        @WithDefault("5")
        int loginFailuresPerAccountAndAddress();

        /** Failed logins from one address per window (attempts for accounts known at that address excepted). */
        @WithDefault("20")
        int loginFailuresPerAddress();

        /** Failed enrolments for one code from one address per window. */
        @WithDefault("5")
        int enrolFailuresPerCodeAndAddress();

        /** Failed enrolments from one address per window. */
        @WithDefault("20")
        int enrolFailuresPerAddress();

        /** Failures per account or code (from any address) before each further attempt must wait. */
        @WithDefault("10")
        int freeFailures();

        /** The wait after the first counted failure; it doubles with each further failure. */
        @WithDefault("PT1S")
        Duration firstDelay();

        /** The longest wait. */
        @WithDefault("PT15M")
        Duration maxDelay();

        /** How long an address an account logged in from counts as known (skips the delay). */
        @WithDefault("P30D")
        Duration knownAddressTtl();
    }

    /** First clinic and admin, created on the first start against an empty database. */
    interface Bootstrap {
        Optional<String> clinicName();

        Optional<String> adminEmail();

        Optional<String> adminPassword();

        @WithDefault("Clinic admin")
        String adminName();
    }
}
