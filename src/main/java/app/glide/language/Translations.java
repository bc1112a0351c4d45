package app.glide.language;

import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import com.fasterxml.jackson.core.type.TypeReference;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The translations of exercises and education cards, cached. Shipped content's translations
 * come only from migrations: loaded once per instance (two statements), like the shipped
 * library. A clinic's translations change through the API: cached by clinic together with the
 * clinic's {@code translation_version} (V24), which every write increments and which the
 * patient's plan head reads anyway, so a replica that sees a newer version reloads the clinic's
 * translations (one statement) and no replica ever serves stale ones.
 */
@ApplicationScoped
public class Translations {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    static final int MAX_CLINICS = 1024;

    @Inject
    Sql sql;

    @Inject
    JsonColumns json;

    /** One clinic's translations at a version. */
    record ClinicTexts(int version, Map<UUID, Map<String, ExerciseText>> exercises, Map<UUID, Map<String, CardText>> cards) {
    }

    private volatile ClinicTexts shipped;
    private final Cache<UUID, ClinicTexts> byClinic = Caffeine.newBuilder().maximumSize(MAX_CLINICS)
            .executor(Runnable::run).build();

    /** The content language for a request whose context is already known (the plan head read it). */
    public ContentLanguage forRequest(LanguageContext c) {
        LanguageChoice choice = c.choice();
        ClinicTexts own = clinic(c.clinicId(), c.translationVersion());
        ClinicTexts ours = shipped();
        return new ContentLanguage(choice,
                id -> own.exercises().getOrDefault(id, ours.exercises().getOrDefault(id, Map.of())),
                id -> own.cards().getOrDefault(id, ours.cards().getOrDefault(id, Map.of())));
    }

    /** The context of a signed-in user's request (one statement): their locale, their clinic's default and version. */
    public LanguageContext context(UUID userId, String acceptLanguage) {
        return sql.first("""
                select u.clinic_id, u.locale, s.default_locale, c.translation_version
                from app_user u join clinic c on c.id = u.clinic_id
                left join clinic_settings s on s.clinic_id = u.clinic_id
                where u.id = ?""",
                rs -> new LanguageContext(Sql.uuid(rs, 1), acceptLanguage, rs.getString(2), rs.getString(3), rs.getInt(4)),
                userId)
                .orElseThrow();
    }

    /** The content language for a signed-in user's request: {@link #context} then {@link #forRequest}. */
    public ContentLanguage forUser(String acceptLanguage, UUID userId) {
        return forRequest(context(userId, acceptLanguage));
    }

    /** The clinic's default locale (English when it has no settings row): what its own new content is written in. */
    public String clinicDefault(UUID clinicId) {
        return sql.first("select default_locale from clinic_settings where clinic_id = ?", rs -> rs.getString(1), clinicId)
                .orElse(LanguageChoice.ENGLISH);
    }

    /** Increments the clinic's translation version, in the caller's transaction (after each translation write). */
    public void changed(UUID clinicId) {
        sql.update("update clinic set translation_version = translation_version + 1 where id = ?", clinicId);
    }

    /** Forgets the shipped translations (tests that add some; a restart does it after a migration). */
    public void forgetShipped() {
        shipped = null;
    }

    private ClinicTexts clinic(UUID clinicId, int version) {
        if (version == 0) {
            return new ClinicTexts(0, Map.of(), Map.of()); // never translated anything
        }
        ClinicTexts cached = byClinic.getIfPresent(clinicId);
        if (cached != null && cached.version() >= version) {
            return cached;
        }
        ClinicTexts loaded = load(clinicId, version);
        byClinic.asMap().merge(clinicId, loaded, (a, b) -> a.version() >= b.version() ? a : b);
        return loaded;
    }

    private ClinicTexts shipped() {
        ClinicTexts s = shipped;
        if (s == null) {
            s = load(null, 0);
            shipped = s;
        }
        return s;
    }

    /**
     * The translations of the clinic's own content (or, for null, of shipped content), in one
     * statement. {@code version} is what the caller read; a write that commits meanwhile has a
     * higher version, so at worst the next request reloads.
     */
    private ClinicTexts load(UUID clinicId, int version) {
        Map<UUID, Map<String, ExerciseText>> exercises = new HashMap<>();
        Map<UUID, Map<String, CardText>> cards = new HashMap<>();
        String owner = clinicId == null ? "is null" : "= ?";
        sql.list("""
                select 'E', t.exercise_id, t.locale, t.name, t.summary, t.instructions::text, t.cautions::text
                from exercise_translation t join exercise e on e.id = t.exercise_id
                where e.clinic_id %1$s
                union all
                select 'C', t.card_id, t.locale, t.title, t.body, null, null
                from education_card_translation t join education_card c on c.id = t.card_id
                where c.clinic_id %1$s""".formatted(owner),
                rs -> {
                    UUID id = Sql.uuid(rs, 2);
                    String language = LanguageTag.key(rs.getString(3));
                    if (rs.getString(1).equals("E")) {
                        exercises.computeIfAbsent(id, k -> new HashMap<>()).put(language, new ExerciseText(
                                rs.getString(4), rs.getString(5), strings(rs.getString(6)), strings(rs.getString(7))));
                    } else {
                        cards.computeIfAbsent(id, k -> new HashMap<>()).put(language,
                                new CardText(rs.getString(4), rs.getString(5)));
                    }
                    return null;
                },
                clinicId == null ? new Object[0] : new Object[] {clinicId, clinicId});
        return new ClinicTexts(version, Map.copyOf(exercises), Map.copyOf(cards));
    }

    private List<String> strings(String column) {
        return column == null ? null : List.copyOf(json.read(column, STRINGS));
    }
}
