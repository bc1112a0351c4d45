package app.glide.language;

import java.util.LinkedHashSet;
import java.util.function.Function;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Content in one request's language: the {@link LanguageChoice}, the translations the content
 * may use (shipped and the clinic's, by content id and lower-case language). The original text
 * of shipped content is English (the English step of the order finds it); the original text
 * of a clinic's own content is in the language the clinic wrote it in (its default locale at
 * the time, V25), and counts as the translation in that language. Remembers the languages it handed out, for
 * {@code Content-Language}. One per request, not shared between threads. Plain Java.
 */
public final class ContentLanguage {

    private final LanguageChoice choice;
    private final Function<UUID, Map<String, ExerciseText>> exercises;
    private final Function<UUID, Map<String, CardText>> cards;
    private final Set<String> used = new LinkedHashSet<>();

    public ContentLanguage(LanguageChoice choice, Function<UUID, Map<String, ExerciseText>> exercises,
                           Function<UUID, Map<String, CardText>> cards) {
        this.choice = choice;
        this.exercises = exercises;
        this.cards = cards;
    }

    /** English only, no translations: for callers outside a request. */
    public static ContentLanguage original() {
        return new ContentLanguage(LanguageChoice.of(null, null, null), id -> Map.of(), id -> Map.of());
    }

    public LanguageChoice choice() {
        return choice;
    }

    /**
     * An exercise in this language, field by field, and which languages its fields came from.
     * {@code originalLanguage}: the language the original text is written in (English for
     * shipped content; a clinic's default locale when it wrote the exercise).
     */
    public Localized<ExerciseText> exercise(UUID id, String originalLanguage, ExerciseText original) {
        Map<String, ExerciseText> byLanguage = exercises.apply(id);
        if (byLanguage.isEmpty()) {
            used.add(LanguageTag.key(originalLanguage));
            return new Localized<>(original, LanguageTag.key(originalLanguage));
        }
        var name = choice.resolve(l -> text(byLanguage, l, ExerciseText::name), original.name(), originalLanguage);
        var summary = choice.resolve(l -> text(byLanguage, l, ExerciseText::summary), original.summary(), originalLanguage);
        var steps = choice.resolve(l -> text(byLanguage, l, ExerciseText::instructions), original.instructions(),
                originalLanguage);
        var cautions = choice.resolve(l -> text(byLanguage, l, ExerciseText::cautions), original.cautions(),
                originalLanguage);
        return new Localized<>(new ExerciseText(name.value(), summary.value(), steps.value(), cautions.value()),
                key(name, summary, steps, cautions));
    }

    /** An education card in this language, field by field ({@code originalLanguage} as for exercises). */
    public Localized<CardText> card(UUID id, String originalLanguage, CardText original) {
        Map<String, CardText> byLanguage = cards.apply(id);
        var title = choice.resolve(l -> text(byLanguage, l, CardText::title), original.title(), originalLanguage);
        var body = choice.resolve(l -> text(byLanguage, l, CardText::body), original.body(), originalLanguage);
        return new Localized<>(new CardText(title.value(), body.value()), key(title, body));
    }

    /** Notes a language used by text of our own (rule texts) in the response. */
    public void usedForRuleTexts(String language) {
        used.add(language);
    }

    /** The Content-Language value: the languages of the texts handed out, first used first (the rule texts' when none). */
    public String header() {
        Set<String> all = new LinkedHashSet<>(used);
        if (all.isEmpty()) {
            all.add(RuleTexts.language(choice));
        }
        return all.stream().map(l -> LanguageTag.parse(l).orElse(l)).collect(Collectors.joining(", "));
    }

    private static <T, V> V text(Map<String, T> byLanguage, String language, Function<T, V> field) {
        T t = byLanguage.get(language);
        return t == null ? null : field.apply(t);
    }

    private String key(LanguageChoice.Resolved<?>... fields) {
        StringBuilder key = new StringBuilder();
        for (LanguageChoice.Resolved<?> f : fields) {
            String l = f.language() == null ? "_" : f.language();
            if (f.language() != null) {
                used.add(l);
            }
            key.append(key.length() == 0 ? "" : ",").append(l);
        }
        return key.toString();
    }

    /** A text in the request's language, and {@code key}: the language of each field, to cache renderings by. */
    public record Localized<T>(T text, String key) {
    }
}
