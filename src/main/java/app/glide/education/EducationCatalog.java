package app.glide.education;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Education cards by id, cached: rows are insert-only, so a cached card never goes stale.
 * Shipped flare-up cards are cached as a list; a clinic's own are read when needed.
 */
@ApplicationScoped
public class EducationCatalog {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CardView(UUID id, String slug, String title, String body, List<String> tags, boolean clinicOwned) {
    }

    private final Map<UUID, CardView> byId = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> owner = new ConcurrentHashMap<>();
    private volatile List<CardView> shippedFlare;

    public static CardView view(EducationCard c) {
        return new CardView(c.id, c.slug, c.title, c.body, List.of(c.tags), c.clinicId != null);
    }

    public CardView remember(EducationCard c) {
        CardView v = view(c);
        byId.put(c.id, v);
        if (c.clinicId != null) {
            owner.put(c.id, c.clinicId);
        }
        return v;
    }

    /** The cards in the given order, those visible to the clinic only; one query for uncached ones. */
    public List<CardView> get(Collection<UUID> ids, UUID clinicId) {
        List<UUID> missing = ids.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            EducationCard.<EducationCard>list("id in ?1", missing).forEach(this::remember);
        }
        List<CardView> cards = new ArrayList<>();
        for (UUID id : ids) {
            CardView v = byId.get(id);
            if (v != null && visible(id, clinicId)) {
                cards.add(v);
            }
        }
        return cards;
    }

    public boolean visible(UUID id, UUID clinicId) {
        if (!byId.containsKey(id)) {
            get(List.of(id), clinicId);
        }
        if (!byId.containsKey(id)) {
            return false;
        }
        UUID o = owner.get(id);
        return o == null || o.equals(clinicId);
    }

    public Optional<CardView> one(UUID id, UUID clinicId) {
        return get(List.of(id), clinicId).stream().findFirst();
    }

    /** Cards for a flare-up: the shipped ones and the clinic's own, tagged flare-up. */
    public List<CardView> flareCards(UUID clinicId) {
        List<CardView> shipped = shippedFlare;
        if (shipped == null) {
            shipped = EducationCard.<EducationCard>list("clinicId is null order by slug").stream()
                    .filter(c -> Arrays.asList(c.tags).contains(EducationCard.FLARE_UP)).map(this::remember).toList();
            shippedFlare = shipped;
        }
        Map<UUID, CardView> all = new LinkedHashMap<>();
        shipped.forEach(c -> all.put(c.id(), c));
        @SuppressWarnings("unchecked")
        List<UUID> own = Panache.getEntityManager().createNativeQuery(
                "select id from education_card where clinic_id = ?1 and ?2 = any(tags) order by slug")
                .setParameter(1, clinicId).setParameter(2, EducationCard.FLARE_UP).getResultList();
        get(own, clinicId).forEach(c -> all.put(c.id(), c));
        return List.copyOf(all.values());
    }
}
