package app.glide.push.apns;

import app.glide.push.PushSender;
import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.ApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import com.eatthepath.pushy.apns.util.TokenUtil;
import com.eatthepath.pushy.apns.util.concurrent.PushNotificationFuture;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Apple Push Notification service over HTTP/2 with Pushy and token-based authentication (a
 * {@code .p8} auth key; Pushy signs and renews the provider token). One client per replica,
 * built on the first send and closed on shutdown. Without {@link ApnsSettings} it is not
 * {@link #configured()} and the dispatcher leaves iOS pushes in the outbox.
 */
@ApplicationScoped
public class ApnsSender implements PushSender {

    private static final Logger LOG = Logger.getLogger(ApnsSender.class);

    private final Optional<ApnsSettings> settings;
    private final AtomicBoolean buildFailureLogged = new AtomicBoolean();
    private ApnsClient client;

    @Inject
    ApnsSender(Config config) {
        this(ApnsSettings.from(config));
    }

    public ApnsSender(Optional<ApnsSettings> settings) {
        this.settings = settings;
    }

    @Override
    public Platform platform() {
        return Platform.APNS;
    }

    @Override
    public boolean configured() {
        return settings.isPresent();
    }

    @Override
    public Result send(String pushToken, PushMessage message) {
        if (settings.isEmpty()) {
            return new Result(Outcome.FAILED, "APNs is not configured", null);
        }
        ApnsSettings s = settings.get();
        ApnsClient apns;
        try {
            apns = client(s);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (buildFailureLogged.compareAndSet(false, true)) {
                LOG.errorf(e, "APNs client could not be built (key %s, team %s): iOS pushes fail until fixed",
                        s.keyId(), s.teamId());
            }
            return new Result(Outcome.FAILED, "APNs client could not be built: " + e.getMessage(), null);
        }
        SimpleApnsPushNotification notification = new SimpleApnsPushNotification(
                TokenUtil.sanitizeTokenString(pushToken), s.topic(), payload(message), null,
                message.urgent() ? DeliveryPriority.IMMEDIATE : DeliveryPriority.CONSERVE_POWER, PushType.ALERT);
        PushNotificationFuture<SimpleApnsPushNotification, PushNotificationResponse<SimpleApnsPushNotification>> future =
                apns.sendNotification(notification);
        try {
            PushNotificationResponse<SimpleApnsPushNotification> response =
                    future.get(s.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return ApnsOutcomes.of(response.isAccepted(), response.getStatusCode(), response.getRejectionReason());
        } catch (TimeoutException e) {
            future.cancel(false);
            return new Result(Outcome.RETRY, "APNs did not answer within " + s.timeout(), null);
        } catch (ExecutionException e) {
            // Connection refused or lost, TLS failure, stream reset: the network, not the notification.
            return new Result(Outcome.RETRY, "APNs unreachable: " + e.getCause(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.RETRY, "interrupted while waiting for APNs", null);
        }
    }

    /** Title and body (fixed texts, no health details) and the message's ids as custom keys. */
    static String payload(PushMessage message) {
        ApnsPayloadBuilder builder = new SimpleApnsPayloadBuilder()
                .setAlertTitle(message.title())
                .setAlertBody(message.body());
        Map<String, String> data = message.data() == null ? Map.of() : message.data();
        data.forEach(builder::addCustomProperty);
        return builder.build();
    }

    private synchronized ApnsClient client(ApnsSettings s) throws IOException, GeneralSecurityException {
        if (client == null) {
            ApnsClientBuilder builder = new ApnsClientBuilder()
                    .setApnsServer(s.host(), s.port())
                    .setSigningKey(ApnsSigningKey.loadFromPkcs8File(s.signingKey().toFile(), s.teamId(), s.keyId()));
            if (s.trustedServerCertificate().isPresent()) {
                builder.setTrustedServerCertificateChain(s.trustedServerCertificate().get().toFile());
            }
            client = builder.build();
        }
        return client;
    }

    /** Closes the HTTP/2 connections (waits at most a few seconds for in-flight notifications). */
    public synchronized void close() {
        if (client != null) {
            try {
                client.close().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("APNs client did not close cleanly: %s", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            client = null;
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        close();
    }
}
