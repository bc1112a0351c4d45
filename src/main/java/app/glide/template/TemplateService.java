package app.glide.template;

import app.glide.access.Caller;
import app.glide.db.JsonColumns;
import app.glide.exercise.Chain;
import app.glide.exercise.Dosage;
import app.glide.exercise.ExerciseCatalog;
import app.glide.exercise.ExerciseView;
import app.glide.plan.PlanDtos;
import app.glide.web.ApiProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Protocol templates. Their items come back in exactly the shape of plan items in
 * {@code PUT /v1/patients/{id}/plan}, so a therapist's tool can tailor and send them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TemplateService {

    @Inject
    Caller caller;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    JsonColumns json;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TemplateView(UUID id, String slug, String name, String phase, String description, boolean clinicOwned,
                               List<PlanDtos.ItemInput> items, List<ExerciseView> exercises) {
    }

    /** A stored item: like a plan item, but naming its exercise by slug. */
    record StoredItem(String exerciseSlug, Dosage dosage, PlanDtos.ScheduleInput schedule,
                      PlanDtos.ProgressionInput progression, String note, String phase) {
    }

    private static final TypeReference<List<StoredItem>> ITEMS = new TypeReference<>() {
    };

    /**
     * Shipped templates change only with a migration (and a restart), so they are read once
     * per replica; a clinic's own templates are read per request.
     */
    private volatile List<PlanTemplate> shipped;

    public List<TemplateView> list() {
        List<PlanTemplate> all = new ArrayList<>(shipped());
        all.addAll(PlanTemplate.<PlanTemplate>list("clinicId = ?1", caller.clinicId()));
        all.sort(Comparator.comparing((PlanTemplate t) -> t.phase).thenComparing(t -> t.name));
        return all.stream().map(this::view).toList();
    }

    public TemplateView get(UUID id) {
        PlanTemplate t = shipped().stream().filter(s -> s.id.equals(id)).findFirst()
                .orElseGet(() -> PlanTemplate.<PlanTemplate>find("id = ?1 and clinicId = ?2", id, caller.clinicId())
                        .firstResult());
        if (t == null) {
            throw ApiProblem.notFound("plan template", id);
        }
        return view(t);
    }

    private List<PlanTemplate> shipped() {
        List<PlanTemplate> templates = shipped;
        if (templates == null) {
            templates = PlanTemplate.<PlanTemplate>list("clinicId is null");
            templates.forEach(PlanTemplate.getEntityManager()::detach);
            shipped = List.copyOf(templates);
        }
        return templates;
    }

    private TemplateView view(PlanTemplate t) {
        Chain chain = catalog.chainFor(caller.clinicId());
        Map<UUID, ExerciseView> exercises = new LinkedHashMap<>();
        List<PlanDtos.ItemInput> items = read(t).stream().map(i -> {
            ExerciseCatalog.Entry e = catalog.shippedBySlug(i.exerciseSlug())
                    .orElseThrow(() -> new IllegalStateException("template " + t.slug + " names unknown exercise " + i.exerciseSlug()));
            exercises.computeIfAbsent(e.id(), id -> catalog.view(e, chain));
            return new PlanDtos.ItemInput(null, e.id(), i.dosage(), i.schedule(), i.progression(), i.note(), i.phase(), null, null);
        }).toList();
        return new TemplateView(t.id, t.slug, t.name, t.phase, t.description, t.clinicId != null, items,
                List.copyOf(exercises.values()));
    }

    private List<StoredItem> read(PlanTemplate t) {
        return json.read(t.items, ITEMS);
    }
}
