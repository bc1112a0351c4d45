package app.glide.outcome;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One item of an instrument: its id (the FHIR {@code linkId} a response answers), the answers it
 * accepts with their scores, and a short text in our own words or {@code null} for licensed
 * wording. Plain Java.
 */
public record Item(String id, List<AnswerOption> options, String text) {

    public Item {
        options = List.copyOf(options);
    }

    public Optional<AnswerOption> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    /** Codes {@code "0"} to {@code "max"}, each scoring its own number (ODI sections, NPRS, PSFS). */
    static List<AnswerOption> numbered(int max) {
        return IntStream.rangeClosed(0, max)
                .mapToObj(i -> new AnswerOption(Integer.toString(i), i, null)).toList();
    }
}
