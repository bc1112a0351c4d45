package app.glide.language;

import app.glide.access.Caller;
import app.glide.audit.AuditLog;
import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.language.TranslationDtos.CardTranslation;
import app.glide.language.TranslationDtos.CardTranslationRequest;
import app.glide.language.TranslationDtos.ExerciseTranslation;
import app.glide.language.TranslationDtos.ExerciseTranslationRequest;
import app.glide.language.TranslationDtos.Saved;
import app.glide.web.ApiProblem;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes and reads the translations of a clinic's own exercises and education cards. The
 * resources (exercise/, education/) check first that the content is the caller's clinic's own;
 * here each write also increments the clinic's translation version ({@link Translations#changed}),
 * in the same transaction, so every replica's cache and every plan ETag move on.
 */
@ApplicationScoped
public class ClinicTranslations {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Inject
    Sql sql;

    @Inject
    JsonColumns json;

    @Inject
    Translations translations;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A locale from a path: its usual case, or 400 {@code invalid-locale}. */
    public static String locale(String tag) {
        return LanguageTag.require(tag);
    }

    /** 403 for shipped content: its translations come with our releases (migrations), not from clinics. */
    public static ApiProblem shipped(String what) {
        return new ApiProblem(403, "shipped-content", "Shipped content",
                "The translations of the shipped " + what + " come with Glide's releases; a clinic translates its own.");
    }

    @Transactional
    public Saved<ExerciseTranslation> putExercise(UUID exerciseId, UUID clinicId, String locale,
                                                  ExerciseTranslationRequest r) {
        if (r.empty()) {
            throw empty("name, summary, instructions or cautions");
        }
        Instant now = clock.instant();
        Saved<ExerciseTranslation> saved = sql.first("""
                insert into exercise_translation (exercise_id, locale, name, summary, instructions, cautions,
                    created_at, created_by, updated_at)
                values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?)
                on conflict (exercise_id, locale) do update set name = excluded.name, summary = excluded.summary,
                    instructions = excluded.instructions, cautions = excluded.cautions, updated_at = excluded.updated_at
                returning xmax = 0, created_at, updated_at""",
                rs -> new Saved<>(rs.getBoolean(1), new ExerciseTranslation(locale, strip(r.name()), strip(r.summary()),
                        strip(r.instructions()), strip(r.cautions()), Sql.instant(rs, 2), Sql.instant(rs, 3))),
                exerciseId, locale, strip(r.name()), strip(r.summary()), jsonOrNull(strip(r.instructions())),
                jsonOrNull(strip(r.cautions())), now, caller.userId(), now).orElseThrow();
        translations.changed(clinicId);
        audit.record("exercise", exerciseId, saved.created() ? "translation_added" : "translation_replaced",
                Map.of("locale", locale));
        return saved;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExerciseTranslation> exerciseTranslations(UUID exerciseId) {
        return sql.list("""
                select locale, name, summary, instructions::text, cautions::text, created_at, updated_at
                from exercise_translation where exercise_id = ? order by locale""",
                rs -> new ExerciseTranslation(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs.getString(4)),
                        strings(rs.getString(5)), Sql.instant(rs, 6), Sql.instant(rs, 7)),
                exerciseId);
    }

    @Transactional
    public void deleteExercise(UUID exerciseId, UUID clinicId, String locale) {
        if (sql.update("delete from exercise_translation where exercise_id = ? and locale = ?", exerciseId, locale) == 0) {
            throw noTranslation("exercise", exerciseId, locale);
        }
        translations.changed(clinicId);
        audit.record("exercise", exerciseId, "translation_deleted", Map.of("locale", locale));
    }

    @Transactional
    public Saved<CardTranslation> putCard(UUID cardId, UUID clinicId, String locale, CardTranslationRequest r) {
        if (r.empty()) {
            throw empty("title or body");
        }
        Instant now = clock.instant();
        Saved<CardTranslation> saved = sql.first("""
                insert into education_card_translation (card_id, locale, title, body, created_at, created_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (card_id, locale) do update set title = excluded.title, body = excluded.body,
                    updated_at = excluded.updated_at
                returning xmax = 0, created_at, updated_at""",
                rs -> new Saved<>(rs.getBoolean(1), new CardTranslation(locale, strip(r.title()), strip(r.body()),
                        Sql.instant(rs, 2), Sql.instant(rs, 3))),
                cardId, locale, strip(r.title()), strip(r.body()), now, caller.userId(), now).orElseThrow();
        translations.changed(clinicId);
        audit.record("education_card", cardId, saved.created() ? "translation_added" : "translation_replaced",
                Map.of("locale", locale));
        return saved;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CardTranslation> cardTranslations(UUID cardId) {
        return sql.list("""
                select locale, title, body, created_at, updated_at
                from education_card_translation where card_id = ? order by locale""",
                rs -> new CardTranslation(rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs, 4),
                        Sql.instant(rs, 5)),
                cardId);
    }

    @Transactional
    public void deleteCard(UUID cardId, UUID clinicId, String locale) {
        if (sql.update("delete from education_card_translation where card_id = ? and locale = ?", cardId, locale) == 0) {
            throw noTranslation("education card", cardId, locale);
        }
        translations.changed(clinicId);
        audit.record("education_card", cardId, "translation_deleted", Map.of("locale", locale));
    }

    private static ApiProblem empty(String fields) {
        return new ApiProblem(422, "translation-empty", "Translation is empty",
                "A translation needs at least one of " + fields + "; the others fall back to another language.");
    }

    private static ApiProblem noTranslation(String what, UUID id, String locale) {
        return new ApiProblem(404, "not-found", "Not found", "The " + what + " " + id + " has no translation in " + locale + ".");
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static List<String> strip(List<String> steps) {
        return steps == null ? null : steps.stream().map(String::strip).toList();
    }

    private String jsonOrNull(List<String> steps) {
        return steps == null ? null : json.write(steps);
    }

    private List<String> strings(String column) {
        return column == null ? null : json.read(column, STRINGS);
    }
}
