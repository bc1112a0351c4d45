package app.glide.language;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Bodies of the translation endpoints of a clinic's exercises and education cards. */
public final class TranslationDtos {

    /** A present field must hold something besides white space. */
    static final String NOT_BLANK = "(?s).*\\S.*";
    static final String NOT_BLANK_MESSAGE = "must not be blank";

    private TranslationDtos() {
    }

    /** Each field as in the original (same limits); a missing field falls back (docs/languages.md). At least one. */
    public record ExerciseTranslationRequest(
            @Size(max = 120) @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) String name,
            @Size(max = 300) @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) String summary,
            @Size(min = 1, max = 15) List<@NotBlank @Size(max = 500) String> instructions,
            @Size(min = 1, max = 10) List<@NotBlank @Size(max = 500) String> cautions) {

        boolean empty() {
            return name == null && summary == null && instructions == null && cautions == null;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExerciseTranslation(String locale, String name, String summary, List<String> instructions,
                                      List<String> cautions, Instant createdAt, Instant updatedAt) {
    }

    public record ExerciseTranslationList(List<ExerciseTranslation> items) {
    }

    public record CardTranslationRequest(
            @Size(max = 120) @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) String title,
            @Size(max = 10000) @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) String body) {

        boolean empty() {
            return title == null && body == null;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CardTranslation(String locale, String title, String body, Instant createdAt, Instant updatedAt) {
    }

    public record CardTranslationList(List<CardTranslation> items) {
    }

    /** A translation written: {@code created} when the language was new (201), else replaced (200). */
    public record Saved<T>(boolean created, T translation) {
    }
}
