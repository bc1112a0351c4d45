package app.glide.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The 400 {@code validation} problem for Bean Validation failures, one error per field a client sent. */
final class ValidationProblems {

    private ValidationProblems() {
    }

    static ApiProblem of(Set<? extends ConstraintViolation<?>> violations) {
        List<ApiProblem.FieldError> errors = violations.stream()
                .map(v -> new ApiProblem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        String detail = errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.";
        return new ApiProblem(400, "validation", "Invalid request", detail, errors, null);
    }

    private static String fieldName(ConstraintViolation<?> v) {
        // Paths look like "create.request.email", "replace.request.items[0].dosage.reps" or
        // "list.limit": drop the method and the body parameter's own name, keep what a
        // client sent. An index belongs to the node before it (the list).
        String parameter = null;
        StringBuilder body = new StringBuilder();
        int index = 0;
        for (Path.Node node : v.getPropertyPath()) {
            index++;
            if (index == 1) {
                continue; // method
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                body.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!body.isEmpty()) {
                body.append('.');
            }
            body.append(node.getName());
        }
        if (!body.isEmpty()) {
            return body.toString();
        }
        return parameter == null ? "request" : (isBodyParam(parameter) ? "body" : parameter);
    }

    private static boolean isBodyParam(String name) {
        return name.equals("request") || name.equals("body");
    }

}
