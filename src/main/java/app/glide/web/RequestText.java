package app.glide.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Query and path parameters, before any resource sees them: text the API cannot store
 * ({@link Text}: a NUL character, an unpaired surrogate) is a 400 naming the parameter, and
 * so is a query parameter that does not convert to its declared type (JAX-RS would answer
 * 404, as if the resource did not exist). A path with such text, like a path parameter that
 * does not convert, is 404: every path parameter is an id, and such a path names nothing.
 */
public class RequestText {

    private final Map<Method, List<QueryParameter>> declared = new ConcurrentHashMap<>();

    record QueryParameter(String name, Class<?> type) {
    }

    @ServerRequestFilter
    public void check(UriInfo uri, SimpleResourceInfo resource) {
        String path = uri.getPath();
        if (Text.problem(path) != null) {
            // Path parameters are ids: such a path names nothing.
            throw new ApiProblem(404, "not-found", "Not found", "There is no resource at this path.");
        }
        for (Map.Entry<String, List<String>> q : uri.getQueryParameters().entrySet()) {
            if (Text.problem(q.getKey()) != null) {
                throw ApiProblem.invalidField("query", "a parameter name " + Text.problem(q.getKey()));
            }
            for (String value : q.getValue()) {
                String problem = Text.problem(value);
                if (problem != null) {
                    throw ApiProblem.invalidField(q.getKey(), problem);
                }
            }
        }
        Method method = method(resource);
        if (method == null) {
            return;
        }
        for (QueryParameter p : declared.computeIfAbsent(method, RequestText::queryParameters)) {
            String value = uri.getQueryParameters().getFirst(p.name());
            if (value != null && !value.isEmpty()) {
                String problem = conversionProblem(p.type(), value);
                if (problem != null) {
                    throw ApiProblem.invalidField(p.name(), problem);
                }
            }
        }
    }

    /** Null when {@code value} converts to {@code type} as JAX-RS will convert it. */
    static String conversionProblem(Class<?> type, String value) {
        try {
            if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return "must be true or false";
                }
            } else if (type == OffsetDateTime.class) {
                OffsetDateTime.parse(value);
            } else if (type.isEnum()) {
                boolean known = Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value));
                if (!known) {
                    return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
                }
            }
            return null;
        } catch (NumberFormatException e) {
            return "must be a whole number";
        } catch (DateTimeParseException e) {
            return "must be a date-time with a UTC offset, e.g. 2026-11-26T08:00:00+01:00";
        } catch (IllegalArgumentException e) {
            return "must be a UUID";
        }
    }

    private static Method method(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null || resource.getMethodName() == null) {
            return null;
        }
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static List<QueryParameter> queryParameters(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        List<QueryParameter> out = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof QueryParam q) {
                    out.add(new QueryParameter(q.value(), types[i]));
                }
            }
        }
        return List.copyOf(out);
    }
}
