package app.glide.exercise;

import app.glide.access.Caller;
import app.glide.audit.AuditLog;
import app.glide.language.ContentLanguage;
import app.glide.db.JsonColumns;
import app.glide.web.ApiProblem;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import app.glide.language.Translations;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The exercise library as one clinic sees it: the shipped exercises plus its own. */
@ApplicationScoped
@Transactional
public class ExerciseService {

    @Inject
    Translations translations;

    @Inject
    Caller caller;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    AuditLog audit;

    @Inject
    JsonColumns json;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ExerciseView> list(Category category, String text, String cursor, int limit) {
        return list(category, text, cursor, limit, ContentLanguage.original());
    }

    /** The library page with each exercise's texts in {@code language} (order and search use the original text). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ExerciseView> list(Category category, String text, String cursor, int limit, ContentLanguage language) {
        UUID clinic = caller.clinicId();
        StringBuilder q = new StringBuilder("(clinicId is null or clinicId = :clinic)");
        Parameters p = Parameters.with("clinic", clinic);
        if (category != null) {
            q.append(" and category = :category");
            p.and("category", category);
        }
        if (text != null && !text.isBlank()) {
            q.append(" and (lower(name) like :text or lower(summary) like :text or slug like :text)");
            p.and("text", "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Optional<PageCursor> after = PageCursor.decodeUuid(cursor);
        if (after.isPresent()) {
            q.append(" and (lower(name) > :k or (lower(name) = :k and id > :id))");
            p.and("k", after.get().key()).and("id", after.get().uuid());
        }
        q.append(" order by lower(name), id");
        Chain chain = catalog.chainFor(clinic);
        List<Exercise> rows = Exercise.<Exercise>find(q.toString(), p).page(0, limit + 1).list();
        return Page.of(rows, limit, x -> catalog.view(catalog.remember(x), chain, language),
                x -> new PageCursor(x.name.toLowerCase(Locale.ROOT), x.id.toString()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExerciseView get(UUID id) {
        return get(id, ContentLanguage.original());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExerciseView get(UUID id, ContentLanguage language) {
        ExerciseCatalog.Entry e = catalog.visible(id, caller.clinicId())
                .orElseThrow(() -> ApiProblem.notFound("exercise", id));
        return catalog.view(e, catalog.chainFor(caller.clinicId()), language);
    }

    public ExerciseView create(ExerciseDtos.CreateExercise r) {
        UUID clinic = caller.clinicId();
        if (!r.dosageType().fits(r.defaultDosage())) {
            throw new ApiProblem(422, "dosage-mismatch", "Exercise cannot be saved", "1 problem in the exercise.",
                    List.of(new ApiProblem.FieldError("defaultDosage", "a " + r.dosageType() + " exercise needs "
                            + r.dosageType().needs())), null);
        }
        if ((r.chain() == null) != (r.chainStep() == null)) {
            throw ApiProblem.invalidField(r.chain() == null ? "chain" : "chainStep", "chain and chainStep go together");
        }
        if (Exercise.count("slug = ?1 and (clinicId is null or clinicId = ?2)", r.slug(), clinic) > 0) {
            throw ApiProblem.slugTaken("An exercise", r.slug());
        }
        if (r.chain() != null) {
            if (catalog.isShippedChain(r.chain())) {
                throw ApiProblem.unprocessable("chain-reserved", "Chain belongs to the shipped library",
                        "'" + r.chain() + "' is a chain of the shipped library; give your own chain a new name.");
            }
            if (Exercise.count("clinicId = ?1 and chain = ?2 and chainStep = ?3", clinic, r.chain(), r.chainStep()) > 0) {
                throw ApiProblem.conflict("chain-step-taken", "Chain step already in use",
                        "Step " + r.chainStep() + " of chain '" + r.chain() + "' already exists.");
            }
        }
        Exercise x = new Exercise();
        x.id = UUID.randomUUID();
        x.clinicId = clinic;
        x.slug = r.slug();
        x.name = r.name().strip();
        x.category = r.category();
        x.chain = r.chain();
        x.chainStep = r.chainStep();
        x.summary = r.summary().strip();
        x.instructions = json.write(r.instructions());
        x.cautions = json.write(r.cautions() == null ? List.of() : r.cautions());
        x.dosageType = r.dosageType();
        x.defaultDosage = json.write(r.defaultDosage());
        x.equipment = json.write(r.equipment() == null ? List.of() : r.equipment());
        // No URLs (V23): a clinic attaches uploaded media instead (PUT /v1/exercises/{id}/media).
        x.libraryVersion = 1;
        x.createdAt = clock.instant();
        x.createdBy = caller.userId();
        x.originalLocale = translations.clinicDefault(clinic);
        x.persist();
        audit.record("exercise", x.id, "created", Map.of("slug", x.slug, "name", x.name));
        return catalog.view(catalog.remember(x), catalog.chainFor(clinic));
    }

}
