package app.glide.outcome;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a response's answers (item id to answer code) against an instrument's structure and
 * turns them into points per item: every unknown item, every code the item does not accept and
 * too many items left out are collected into one {@link OutcomeRefusal}. An item that is absent
 * (or answered {@code null}) is left out. Plain Java.
 */
final class AnswerSheet {

    private AnswerSheet() {
    }

    /** Points per answered item, in the instrument's item order. */
    static Map<String, Integer> points(InstrumentDefinition instrument, Map<String, String> answers) {
        if (answers == null) {
            throw OutcomeRefusal.of(instrument.id(), "answers", "no answers were given");
        }
        List<AnswerError> errors = new ArrayList<>();
        answers.keySet().stream()
                .filter(id -> id == null || instrument.item(id).isEmpty())
                .sorted(Comparator.nullsFirst(Comparator.naturalOrder()))
                .forEach(id -> errors.add(new AnswerError(String.valueOf(id), "item '" + id + "' is not part of "
                        + instrument.id() + " (its items are " + instrument.items().get(0).id() + " to "
                        + instrument.items().get(instrument.items().size() - 1).id() + ")")));
        Map<String, Integer> points = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Item item : instrument.items()) {
            String code = answers.get(item.id());
            if (code == null) {
                missing.add(item.id());
                continue;
            }
            item.option(code).ifPresentOrElse(o -> points.put(item.id(), o.score()),
                    () -> errors.add(new AnswerError(item.id(), "item " + item.id() + " has no answer '" + code
                            + "'; it accepts " + item.options().stream().map(AnswerOption::code)
                            .collect(Collectors.joining(", ")))));
        }
        int allowedMissing = instrument.items().size() - instrument.minAnswered();
        if (missing.size() > allowedMissing) {
            errors.add(new AnswerError("answers", missing.size() + " of " + instrument.items().size()
                    + " items left out (" + String.join(", ", missing) + "); " + instrument.id() + " needs at least "
                    + instrument.minAnswered() + " answered" + (allowedMissing == 0 ? ", none may be left out"
                    : ", at most " + allowedMissing + " left out")));
        }
        if (!errors.isEmpty()) {
            throw new OutcomeRefusal(instrument.id(), errors);
        }
        return points;
    }

    /** The baseline's value, refused when the baseline was scored on another instrument or version. */
    static BigDecimal baselineValue(InstrumentDefinition instrument, Score baseline) {
        if (!instrument.id().equals(baseline.instrumentId())) {
            throw OutcomeRefusal.of(instrument.id(), "baseline", "the baseline was scored on "
                    + baseline.instrumentId() + ", not " + instrument.id() + ": a change needs the same instrument"
                    + " and version");
        }
        return baseline.value();
    }
}
