package app.glide.outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test responses: item id to answer code. */
final class Answers {

    private Answers() {
    }

    /** {@code prefix-1 = codes[0]}, {@code prefix-2 = codes[1]}, ...; a {@code null} code leaves the item out. */
    static Map<String, String> of(String prefix, String... codes) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] != null) {
                answers.put(prefix + "-" + (i + 1), codes[i]);
            }
        }
        return answers;
    }

    /** Numbered answers ({@code "0"} to {@code "5"} for ODI); {@code -1} leaves the item out. */
    static Map<String, String> numbers(String prefix, int... points) {
        String[] codes = new String[points.length];
        for (int i = 0; i < points.length; i++) {
            codes[i] = points[i] < 0 ? null : Integer.toString(points[i]);
        }
        return of(prefix, codes);
    }

    /** The refusal's fields, in order. */
    static List<String> fields(OutcomeRefusal refusal) {
        return refusal.errors().stream().map(AnswerError::field).toList();
    }
}
