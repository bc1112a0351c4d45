package app.glide.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * How request bodies are read. Keeps the UTC offset a client sent (session times are local
 * experiences, not just instants). Refuses what is ambiguous or cannot be stored, each with
 * its own 400 ({@link ProblemMappers}): a member named twice in one object
 * ({@code duplicate-key}: which one counts would depend on the parser), anything after the
 * JSON value ({@code malformed-json}), and text holding a NUL character or an unpaired
 * surrogate ({@code validation}, naming the field; see {@link Text}).
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.registerModule(new SimpleModule("glide-text").addDeserializer(String.class, new StoredText()));
    }

    /** A string that fails {@link Text#problem}. */
    public static final class TextRefused extends JsonMappingException {
        TextRefused(JsonParser p, String message) {
            super(p, message);
        }
    }

    /** The standard string reading, then the {@link Text} rules. */
    static final class StoredText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            String problem = Text.problem(s);
            if (problem != null) {
                throw new TextRefused(p, problem);
            }
            return s;
        }
    }
}
