package app.glide.push;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test double of the provider boundary only (the real APNs and FCM senders are tested against
 * Pushy's MockApnsServer and WireMock): records every send and answers what a test told it for a
 * token (SENT when told nothing). One bean per platform.
 */
public abstract class RecordingPushSender implements PushSender {

    public record Call(Platform platform, String token, PushMessage message) {
    }

    /** All sends of both platforms, in order. */
    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static final Map<String, Deque<Result>> SCRIPT = new ConcurrentHashMap<>();
    static volatile boolean configured = true;
    /** How long a send takes (a provider round trip), so that concurrent dispatchers overlap. */
    static volatile long sendMillis;

    public static void reset() {
        CALLS.clear();
        SCRIPT.clear();
        configured = true;
        sendMillis = 0;
    }

    /** The next answers for this token, in order; afterwards SENT. */
    public static void answer(String token, Result... results) {
        SCRIPT.computeIfAbsent(token, t -> new ArrayDeque<>()).addAll(List.of(results));
    }

    public static Result retry(Duration after) {
        return new Result(Outcome.RETRY, "503 ServiceUnavailable", after);
    }

    public static Result dead() {
        return new Result(Outcome.DEAD_TOKEN, "410 Unregistered", null);
    }

    public static List<Call> to(String token) {
        return CALLS.stream().filter(c -> c.token().equals(token)).toList();
    }

    @Override
    public boolean configured() {
        return configured;
    }

    @Override
    public Result send(String pushToken, PushMessage message) {
        CALLS.add(new Call(platform(), pushToken, message));
        if (sendMillis > 0) {
            try {
                Thread.sleep(sendMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Deque<Result> next = SCRIPT.get(pushToken);
        Result r;
        synchronized (SCRIPT) {
            r = next == null ? null : next.poll();
        }
        return r == null ? Result.sent() : r;
    }

    @Singleton
    public static class Apns extends RecordingPushSender {
        @Override
        public Platform platform() {
            return Platform.APNS;
        }
    }

    @Singleton
    public static class Fcm extends RecordingPushSender {
        @Override
        public Platform platform() {
            return Platform.FCM;
        }
    }
}
