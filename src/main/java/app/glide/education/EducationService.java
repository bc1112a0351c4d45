package app.glide.education;

import app.glide.access.Caller;
import app.glide.audit.AuditLog;
import app.glide.db.Sql;
import app.glide.education.EducationCatalog.CardView;
import app.glide.web.ApiProblem;
import app.glide.language.Translations;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The clinic's education cards: the shipped starter set plus its own (reads and the one command). */
@ApplicationScoped
public class EducationService {

    @Inject
    Translations translations;

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    EducationCatalog catalog;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public record CreateCard(
            @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens") String slug,
            @NotBlank @Size(max = 120) String title,
            @NotBlank @Size(max = 10000) String body,
            @Size(max = 10) List<@NotBlank @Size(max = 30) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens") String> tags) {
    }

    /** The cards the caller's clinic sees, by title; with a tag, only those carrying it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CardView> list(String tag) {
        String q = "(clinicId is null or clinicId = :clinic)" + (tag == null ? "" : " and :tag = any(tags)");
        List<EducationCard> rows;
        if (tag == null) {
            rows = EducationCard.list(q + " order by title", Parameters.with("clinic", caller.clinicId()));
        } else {
            List<UUID> ids = sql.list(
                    "select id from education_card where (clinic_id is null or clinic_id = ?) and ? = any(tags) order by title",
                    rs -> Sql.uuid(rs, 1), caller.clinicId(), tag);
            return catalog.get(ids, caller.clinicId());
        }
        return rows.stream().map(catalog::remember).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CardView> get(UUID cardId) {
        return catalog.one(cardId, caller.clinicId());
    }

    /** A clinic-owned card; its slug must be new in the clinic's library (shipped cards included). */
    @Transactional
    public CardView create(CreateCard r) {
        if (EducationCard.count("slug = ?1 and (clinicId is null or clinicId = ?2)", r.slug(), caller.clinicId()) > 0) {
            throw ApiProblem.slugTaken("An education card", r.slug());
        }
        EducationCard c = new EducationCard();
        c.id = UUID.randomUUID();
        c.clinicId = caller.clinicId();
        c.slug = r.slug();
        c.title = r.title().strip();
        c.body = r.body().strip();
        c.tags = r.tags() == null ? new String[0] : r.tags().stream().distinct().toArray(String[]::new);
        c.createdAt = clock.instant();
        c.createdBy = caller.userId();
        c.originalLocale = translations.clinicDefault(c.clinicId);
        c.persist();
        audit.record("education_card", c.id, "created", Map.of("slug", c.slug));
        return catalog.remember(c);
    }
}
