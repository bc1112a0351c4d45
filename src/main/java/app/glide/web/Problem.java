package app.glide.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The RFC 9457 body. Null members are left out. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      String requestId, List<ApiProblem.FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
