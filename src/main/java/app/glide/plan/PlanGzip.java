package app.glide.plan;

import app.glide.plan.PlanViews.PlanView;
import app.glide.web.SharedGzip;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The patient's plan as gzip without compressing its exercises on every request
 * (docs/compression.md): three quarters of a plan body is the JSON of the exercises it
 * embeds, the same for every patient. The rest of the body is written with the exercises
 * replaced by one marker byte, and {@link SharedGzip} splices their kept compressed form in
 * at the marker. The marker is a control character (0x01): Jackson escapes those inside
 * every string it writes, so the raw byte occurs nowhere else in the body.
 */
@ApplicationScoped
public class PlanGzip {

    private static final byte MARKER_BYTE = 0x01;
    private static final List<RawValue> MARKER = List.of(new RawValue(String.valueOf((char) MARKER_BYTE)));

    /** A plan body ready to send: JSON, gzip-compressed or not. */
    public record Encoded(byte[] bytes, boolean gzip) {
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    SharedGzip gzip;

    /** Whether a request with this {@code Accept-Encoding} gets the plan from {@link #encode}. */
    public boolean accepted(String acceptEncoding) {
        return gzip.accepted(acceptEncoding);
    }

    /** Declares the answer gzip: after {@link #encode} said so. */
    public void markGzip(Encoded encoded) {
        gzip.markGzip(encoded.bytes().length);
    }

    /** The plan as gzip, or as plain JSON when it is too small to be worth compressing. */
    public Encoded encode(PlanView plan) {
        List<RawValue> exercises = plan.exercises();
        if (exercises == null || exercises.isEmpty()) {
            byte[] json = write(plan);
            return gzip.worthIt(json.length) ? new Encoded(gzip.gzip(json), true)
                    : new Encoded(json, false);
        }
        byte[] rest = write(plan.withExercises(MARKER));
        int at = indexOf(rest, MARKER_BYTE);
        List<String> texts = exercises.stream().map(PlanGzip::text).toList();
        int chars = texts.stream().mapToInt(String::length).sum() + texts.size() - 1; // about the bytes: JSON is mostly ASCII
        if (!gzip.worthIt(rest.length - 1 + chars)) {
            return new Encoded(write(plan), false);
        }
        return new Encoded(gzip.gzip(rest, at, texts), true);
    }

    private byte[] write(PlanView plan) {
        try {
            return mapper.writeValueAsBytes(plan);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(RawValue raw) {
        Object value = raw.rawValue();
        return value instanceof SerializableString s ? s.getValue() : String.valueOf(value);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException("the plan body lost its exercises marker");
    }
}
