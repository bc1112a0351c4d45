package app.glide.education;

import app.glide.db.LibraryRow;
import app.glide.db.Sql;
import app.glide.language.CardText;
import app.glide.language.ContentLanguage;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Education cards by id, cached: rows are insert-only, so a cached card never goes stale.
 * Shipped flare-up cards are cached as a list; a clinic's own are read when needed. At most
 * {@link #MAX_ENTRIES} cards are kept by id, each with the clinic that owns it, so a card
 * and its owner are always forgotten together.
 */
@ApplicationScoped
public class EducationCatalog {

    @Inject
    Sql sql;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** {@code originalLanguage}: the language the card's own text is written in (not serialised). */
    public record CardView(UUID id, String slug, String title, String body, List<String> tags, boolean clinicOwned,
                           @JsonIgnore String originalLanguage) {
    }

    static final int MAX_ENTRIES = 4096;

    /** A card and its owner (null: shipped, visible to every clinic). */
    private record Cached(CardView view, UUID owner) {

        boolean visibleTo(UUID clinicId) {
            return owner == null || owner.equals(clinicId);
        }
    }

    // Bounded, lookups take no lock; maintenance runs on the calling thread.
    private final Cache<UUID, Cached> byId = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).executor(Runnable::run).build();
    private volatile List<CardView> shippedFlare;

    public static CardView view(EducationCard c) {
        return new CardView(c.id, c.slug, c.title, c.body, List.of(c.tags), c.clinicId != null,
                LibraryRow.originalLanguage(c.clinicId, c.originalLocale));
    }

    /** A card in a request's language (title and body each with their own fallback). */
    public static CardView in(CardView c, ContentLanguage language) {
        CardText t = language.card(c.id(), c.originalLanguage(), new CardText(c.title(), c.body())).text();
        if (t.title().equals(c.title()) && t.body().equals(c.body())) {
            return c;
        }
        return new CardView(c.id(), c.slug(), t.title(), t.body(), c.tags(), c.clinicOwned(), c.originalLanguage());
    }

    public CardView remember(EducationCard c) {
        return cache(c).view();
    }

    private Cached cache(EducationCard c) {
        Cached cached = new Cached(view(c), c.clinicId);
        byId.put(c.id, cached);
        return cached;
    }

    /** The cards in the given order, those visible to the clinic only; one query for uncached ones. */
    public List<CardView> get(Collection<UUID> ids, UUID clinicId) {
        Map<UUID, Cached> found = new HashMap<>(byId.getAllPresent(ids));
        List<UUID> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            EducationCard.<EducationCard>list("id in ?1", missing).forEach(c -> found.put(c.id, cache(c)));
        }
        List<CardView> cards = new ArrayList<>();
        for (UUID id : ids) {
            Cached c = found.get(id);
            if (c != null && c.visibleTo(clinicId)) {
                cards.add(c.view());
            }
        }
        return cards;
    }

    public boolean visible(UUID id, UUID clinicId) {
        return !get(List.of(id), clinicId).isEmpty();
    }

    /** Cards cached by id now. */
    long cachedEntries() {
        byId.cleanUp();
        return byId.estimatedSize();
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
        List<UUID> own = sql.list("select id from education_card where clinic_id = ? and ? = any(tags) order by slug",
                rs -> Sql.uuid(rs, 1), clinicId, EducationCard.FLARE_UP);
        get(own, clinicId).forEach(c -> all.put(c.id(), c));
        return List.copyOf(all.values());
    }
}
