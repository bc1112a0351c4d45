package app.glide.outcome;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A response that cannot be scored: unknown or wrong instrument version, answers out of range,
 * unknown items, too many items left out, a baseline of another instrument. Carries every
 * problem found (not just the first) so a caller can answer one 422 with per-field errors.
 * Plain Java: no HTTP types.
 */
public final class OutcomeRefusal extends RuntimeException {

    private final String instrumentId;
    private final List<AnswerError> errors;

    public OutcomeRefusal(String instrumentId, List<AnswerError> errors) {
        super(instrumentId + ": " + errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one error");
        }
        this.instrumentId = instrumentId;
        this.errors = List.copyOf(errors);
    }

    static OutcomeRefusal of(String instrumentId, String field, String message) {
        return new OutcomeRefusal(instrumentId, List.of(new AnswerError(field, message)));
    }

    public String instrumentId() {
        return instrumentId;
    }

    public List<AnswerError> errors() {
        return errors;
    }
}
