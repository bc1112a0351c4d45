package app.glide.push.fcm;

import app.glide.push.PushSender.Outcome;
import app.glide.push.PushSender.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What one FCM HTTP v1 answer means for the outbox (docs/push-providers.md). FCM's error body is
 * {@code {"error": {"status": …, "details": [{"errorCode": …}, {"fieldViolations": [{"field": …}]}]}}}.
 */
final class FcmOutcomes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FcmOutcomes() {
    }

    static Result of(int status, String body, String retryAfter, Instant now) {
        if (status >= 200 && status < 300) {
            return Result.sent();
        }
        JsonNode error = parse(body).path("error");
        String code = errorCode(error);
        String detail = "FCM " + status + " " + code;
        if ((status == 404 || status == 400) && code.equals("UNREGISTERED")) {
            return new Result(Outcome.DEAD_TOKEN, detail, null);
        }
        if (status == 400 && code.equals("INVALID_ARGUMENT") && aboutTheToken(error)) {
            return new Result(Outcome.DEAD_TOKEN, detail + " message.token", null);
        }
        if (status == 429 || status >= 500) {
            return new Result(Outcome.RETRY, detail, retryAfter(retryAfter, now));
        }
        return new Result(Outcome.FAILED, detail, null);
    }

    /** The FCM error code from the details, else the RPC status ("UNAUTHENTICATED"), else "". */
    private static String errorCode(JsonNode error) {
        for (JsonNode d : error.path("details")) {
            if (d.hasNonNull("errorCode")) {
                return d.get("errorCode").asText();
            }
        }
        return error.path("status").asText("");
    }

    private static boolean aboutTheToken(JsonNode error) {
        for (JsonNode d : error.path("details")) {
            for (JsonNode v : d.path("fieldViolations")) {
                if (v.path("field").asText("").equals("message.token")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Retry-After as delay-seconds or an HTTP date (RFC 9110 10.2.3); null when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }
}
