package app.glide.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The RFC 9457 body. Null members are left out; extension members (e.g. exportId) sit at the top level. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      String requestId, List<ApiProblem.FieldError> errors,
                      @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance, String requestId,
                   List<ApiProblem.FieldError> errors) {
        this(type, title, status, detail, instance, requestId, errors, Map.of());
    }
}
