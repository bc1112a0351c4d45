package app.glide.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The problem for a request body Jackson could not read: which field, and why, in words a
 * client developer can act on (never Jackson's own message, which names our classes).
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static ApiProblem of(JsonProcessingException e) {
        if (e instanceof JsonSettings.TextRefused t) {
            return ApiProblem.invalidField(t.getPath().isEmpty() ? "body" : path(t), t.getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return ApiProblem.invalidField(path(u), "is not a known field");
        }
        // A parse error met while a field was being read (invalid UTF-8 inside a string) arrives
        // wrapped with the field's path: it is still a body that is not JSON.
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JsonProcessingException cause && (cause instanceof JsonParseException
                    || cause instanceof StreamConstraintsException)) {
                return of(cause);
            }
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(original);
        if (e instanceof JsonParseException && duplicate.matches()) {
            return ApiProblem.badRequest("duplicate-key", "Duplicate key",
                    "The request body has the member \"" + abbreviate(duplicate.group(1)) + "\" more than once in one object"
                            + at(e) + "; send each member once.");
        }
        if (e instanceof MismatchedInputException && original.startsWith("Trailing token")) {
            return malformed("The request body has more after the JSON value" + at(e) + "; send exactly one JSON value.");
        }
        if (e instanceof StreamConstraintsException) {
            return malformed("The request body nests too deeply, or holds a number or text longer than this API reads" + at(e)
                            + ".");
        }
        if (e instanceof InvalidFormatException f) {
            return ApiProblem.invalidField(path(f), "has the wrong format or type");
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return ApiProblem.invalidField(path(m), "has the wrong type");
        }
        return malformed(e instanceof JsonParseException ? "The request body is not valid JSON" + at(e) + "."
                : "The request body does not have the expected shape.");
    }

    private static ApiProblem malformed(String detail) {
        return ApiProblem.badRequest("malformed-json", "Malformed request body", detail);
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'", Pattern.DOTALL);

    /** A client's own text echoed in a detail: at most 100 characters. */
    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
