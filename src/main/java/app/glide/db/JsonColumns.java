package app.glide.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * JSON stored in jsonb columns (plan content, session items, alert details). Written with
 * the application's mapper; read leniently, so a field added later never breaks old rows.
 */
@ApplicationScoped
public class JsonColumns {

    private final ObjectMapper writer;
    private final ObjectMapper reader;

    @Inject
    public JsonColumns(ObjectMapper mapper) {
        this.writer = mapper;
        this.reader = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public String write(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON column", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return reader.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column", e);
        }
    }

    public <T> T read(String json, TypeReference<T> type) {
        try {
            return reader.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column", e);
        }
    }
}
