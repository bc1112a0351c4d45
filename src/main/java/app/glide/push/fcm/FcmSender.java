package app.glide.push.fcm;

import app.glide.push.PushSender;
import app.glide.time.WallClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Firebase Cloud Messaging HTTP v1 through the Quarkus REST client, authorised by an OAuth access
 * token from a service account ({@link AccessTokens}). The clients are built on the first send.
 * Without {@link FcmSettings} it is not {@link #configured()} and the dispatcher leaves Android
 * pushes in the outbox.
 */
@ApplicationScoped
public class FcmSender implements PushSender {

    private static final Logger LOG = Logger.getLogger(FcmSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<FcmSettings> settings;
    private final Clock clock;
    private final AtomicBoolean refusalLogged = new AtomicBoolean();
    private volatile FcmApi fcm;
    private volatile AccessTokens tokens;

    @Inject
    FcmSender(Config config, @WallClock Clock clock) {
        this(FcmSettings.from(config), clock);
    }

    public FcmSender(Optional<FcmSettings> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.FCM;
    }

    @Override
    public boolean configured() {
        return settings.isPresent();
    }

    @Override
    public Result send(String pushToken, PushMessage message) {
        if (settings.isEmpty()) {
            return new Result(Outcome.FAILED, "FCM is not configured", null);
        }
        FcmSettings s = settings.get();
        try {
            connect(s);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return refused(new Result(Outcome.FAILED, "FCM service account unusable: " + e.getMessage(), null));
        }
        String accessToken;
        try {
            accessToken = tokens.current();
        } catch (AccessTokens.Unavailable e) {
            return e.result.outcome() == Outcome.FAILED ? refused(e.result) : e.result;
        }
        try (Response response = fcm.send(s.projectId(), "Bearer " + accessToken, body(pushToken, message))) {
            int status = response.getStatus();
            Result result = FcmOutcomes.of(status, response.readEntity(String.class),
                    response.getHeaderString("Retry-After"), clock.instant());
            if (status == 401 || status == 403) {
                tokens.forget();
                return refused(result);
            }
            return result;
        } catch (ProcessingException e) {
            return new Result(Outcome.RETRY, "FCM unreachable: " + e.getMessage(), null);
        }
    }

    /**
     * The HTTP v1 message: token, the fixed title and body, the ids as data, high Android priority
     * when urgent. Nothing else (no health details).
     */
    static String body(String pushToken, PushMessage message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode m = root.putObject("message");
        m.put("token", pushToken);
        ObjectNode notification = m.putObject("notification");
        notification.put("title", message.title());
        notification.put("body", message.body());
        Map<String, String> data = message.data() == null ? Map.of() : message.data();
        if (!data.isEmpty()) {
            ObjectNode d = m.putObject("data");
            data.forEach(d::put);
        }
        if (message.urgent()) {
            m.putObject("android").put("priority", "HIGH");
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Authorisation or configuration refused for good: logged once per replica, not per push. */
    private Result refused(Result result) {
        if (refusalLogged.compareAndSet(false, true)) {
            LOG.errorf("FCM refused (%s): check the project id and the service account's role;"
                    + " Android pushes fail until it is fixed", result.detail());
        }
        return result;
    }

    private synchronized void connect(FcmSettings s) throws IOException, GeneralSecurityException {
        if (fcm != null) {
            return;
        }
        ServiceAccount account = ServiceAccount.parse(s.serviceAccount(), s.tokenUri(), JSON);
        OAuthTokenApi tokenEndpoint = client(account.tokenUri(), s, OAuthTokenApi.class);
        tokens = new AccessTokens(account, tokenEndpoint, clock, JSON);
        fcm = client(s.baseUrl(), s, FcmApi.class);
    }

    private static <T> T client(URI base, FcmSettings s, Class<T> api) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(s.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(s.timeout().toMillis(), TimeUnit.MILLISECONDS)
                // Answers >= 400 come back as a Response to map, not as an exception.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(api);
    }
}
