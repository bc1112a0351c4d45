package app.glide.media;

import app.glide.config.GlideConfig;
import app.glide.time.WallClock;
import app.glide.web.ApiProblem;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket, through the S3 API (AWS S3, MinIO, Ceph, Garage, S3Proxy). Server-side calls
 * (HEAD, GET, DELETE) go through the SDK's S3 client; the URLs handed to clients are presigned
 * here with SigV4 in query-string form: a local HMAC, no network call, signed on the wall clock
 * (the store checks expiry against real time). An upload URL signs the content type, the exact
 * length and the SHA-256 ({@code x-amz-checksum-sha256}), so the client must send exactly those
 * headers and a store that checks checksums (AWS S3) refuses a different body itself; the
 * server checks size and hash again on completion either way.
 */
@ApplicationScoped
public class MediaStore {

    private static final Logger LOG = Logger.getLogger(MediaStore.class);

    /** A presigned request: the URL, the headers the client must send with it, and when it stops working. */
    public record Presigned(URI url, Map<String, String> headers, Instant expiresAt) {
    }

    @Inject
    GlideConfig config;

    @Inject
    @WallClock
    Clock wall;

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private volatile S3Client client;

    public boolean configured() {
        GlideConfig.Media m = config.media();
        return m.endpoint().isPresent() && m.bucket().isPresent() && m.accessKey().isPresent()
                && m.secretKey().isPresent();
    }

    /** 503 when no store is configured. */
    void requireConfigured() {
        if (!configured()) {
            throw new ApiProblem(503, "media-storage-unavailable", "Media storage is not configured",
                    "This server has no object storage configured for media (glide.media.*); ask its operator.");
        }
    }

    public Presigned presignPut(String key, AcceptedType type, long bytes, byte[] sha256) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type.contentType());
        headers.put("Content-Length", Long.toString(bytes));
        if (config.media().signUploadChecksum()) {
            headers.put("x-amz-checksum-sha256", Base64.getEncoder().encodeToString(sha256));
        }
        return presign(SdkHttpMethod.PUT, key, headers, config.media().uploadUrlTtl(), wall);
    }

    public Presigned presignGet(String key) {
        return presignGet(key, config.media().downloadUrlTtl(), wall);
    }

    /** A GET URL signed at {@code signingClock}'s now, valid for {@code ttl} (tests sign in the past). */
    public Presigned presignGet(String key, Duration ttl, Clock signingClock) {
        return presign(SdkHttpMethod.GET, key, Map.of(), ttl, signingClock);
    }

    private Presigned presign(SdkHttpMethod method, String key, Map<String, String> headers, Duration ttl, Clock at) {
        requireConfigured();
        GlideConfig.Media m = config.media();
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(method)
                .uri(objectUri(m.publicEndpoint().orElse(m.endpoint().orElseThrow()), key));
        headers.forEach(request::putHeader);
        Instant signedAt = at.instant();
        SdkHttpRequest signed = signer.sign(r -> r
                .identity(AwsCredentialsIdentity.create(m.accessKey().orElseThrow(), m.secretKey().orElseThrow()))
                .request(request.build())
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, m.region())
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, ttl)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, java.time.ZoneOffset.UTC))).request();
        return new Presigned(signed.getUri(), Map.copyOf(headers), signedAt.plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private URI objectUri(String endpoint, String key) {
        GlideConfig.Media m = config.media();
        URI base = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
        String bucket = m.bucket().orElseThrow();
        if (m.pathStyle()) {
            return URI.create(base + "/" + bucket + "/" + key);
        }
        return URI.create(base.getScheme() + "://" + bucket + "." + base.getRawAuthority() + "/" + key);
    }

    /** The object's size, or empty when there is none. */
    public Optional<Long> size(String key) {
        try {
            return Optional.of(client().headObject(b -> b.bucket(bucket()).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw unavailable("HEAD", e);
        } catch (SdkException e) {
            throw unavailable("HEAD", e);
        }
    }

    /** The object's bytes, to be closed by the caller. */
    public InputStream open(String key) {
        try {
            ResponseInputStream<GetObjectResponse> in = client().getObject(b -> b.bucket(bucket()).key(key));
            return in;
        } catch (SdkException e) {
            throw unavailable("GET", e);
        }
    }

    /** Deletes the object (no error when it is already gone). */
    public void delete(String key) {
        try {
            client().deleteObject(b -> b.bucket(bucket()).key(key));
        } catch (SdkException e) {
            throw unavailable("DELETE", e);
        }
    }

    private String bucket() {
        return config.media().bucket().orElseThrow();
    }

    /**
     * The 503 for a store that failed, logged as a WARN with what identifies the failure (the
     * operation, the S3 status and error code, or the exception's class) and never the URL, the
     * object key, the bucket or credentials: the SDK's messages may carry those, so they are not logged.
     */
    static ApiProblem unavailable(String operation, Exception cause) {
        LOG.warn(describe(operation, cause));
        // no initCause: ApiProblem's cause is fixed (null) at construction, initCause would throw
        // IllegalStateException and turn the 503 into a 500
        return new ApiProblem(503, "media-storage-unavailable", "Media storage unavailable",
                "The object storage did not answer as expected; try again in a minute.");
    }

    static String describe(String operation, Exception cause) {
        if (cause instanceof S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return "Media storage: " + operation + " failed with HTTP status " + e.statusCode() + ", S3 error code "
                    + (code == null ? "(none)" : code) + "; answering 503 media-storage-unavailable";
        }
        return "Media storage: " + operation + " failed (" + cause.getClass().getName()
                + "); answering 503 media-storage-unavailable";
    }

    S3Client client() {
        S3Client c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    requireConfigured();
                    GlideConfig.Media m = config.media();
                    client = S3Client.builder()
                            .endpointOverride(URI.create(m.endpoint().orElseThrow()))
                            .region(Region.of(m.region()))
                            .credentialsProvider(StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create(m.accessKey().orElseThrow(), m.secretKey().orElseThrow())))
                            .forcePathStyle(m.pathStyle())
                            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                            .httpClient(UrlConnectionHttpClient.builder()
                                    .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(30)).build())
                            .build();
                }
                c = client;
            }
        }
        return c;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
