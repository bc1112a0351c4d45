package app.glide.exercise;

import app.glide.db.LibraryRow;
import app.glide.db.JsonColumns;
import app.glide.language.ContentLanguage;
import app.glide.language.ExerciseText;
import com.fasterxml.jackson.core.io.SerializedString;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Exercises by id, cached. Safe to cache in every replica because exercise rows are never
 * updated: the shipped library changes only through migrations (and a restart), and a
 * clinic's exercises are insert-only. Chains of clinic exercises can grow, so their
 * neighbours are read from the database, not cached.
 *
 * <p>At most {@link #MAX_ENTRIES} exercises are kept by id (clinics add their own without
 * limit); the shipped library's slugs, chains and rendered JSON are kept whole, as the
 * library is fixed by the migrations.
 */
@ApplicationScoped
public class ExerciseCatalog {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** A parsed exercise is a few kilobytes: some megabytes of heap at most. */
    static final int MAX_ENTRIES = 4096;

    @Inject
    JsonColumns json;

    // Bounded, lookups take no lock; maintenance runs on the calling thread.
    private final Cache<UUID, Entry> byId = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).executor(Runnable::run).build();
    /** By exercise id and the languages of its fields ({@link ContentLanguage.Localized#key}). */
    private final Map<String, RawValue> renderedShipped = new ConcurrentHashMap<>();
    private volatile Map<String, List<Entry>> shippedChains;
    private volatile Map<String, Entry> shippedBySlug;

    /** One exercise, parsed. */
    public record Entry(UUID id, UUID clinicId, String slug, String name, Category category, String summary,
                        List<String> instructions, List<String> cautions, DosageType dosageType, Dosage defaultDosage,
                        List<String> equipment, String imageUrl, String videoUrl, String chain, Integer chainStep,
                        String originalLanguage) {

        public boolean visibleTo(UUID clinic) {
            return clinicId == null || clinicId.equals(clinic);
        }
    }

    /** The exercises with these ids, loading the uncached ones in one query. Unknown ids are absent. */
    public Map<UUID, Entry> get(Collection<UUID> ids) {
        Set<UUID> missing = new HashSet<>();
        Map<UUID, Entry> found = new HashMap<>();
        for (UUID id : ids) {
            Entry e = byId.getIfPresent(id);
            if (e == null) {
                missing.add(id);
            } else {
                found.put(id, e);
            }
        }
        if (!missing.isEmpty()) {
            for (Exercise x : Exercise.<Exercise>list("id in ?1", missing)) {
                Entry e = parse(x);
                byId.put(e.id(), e);
                found.put(e.id(), e);
            }
        }
        return found;
    }

    public Optional<Entry> get(UUID id) {
        return Optional.ofNullable(get(List.of(id)).get(id));
    }

    /** Visible to the clinic (shipped, or the clinic's own), else empty. */
    public Optional<Entry> visible(UUID id, UUID clinicId) {
        return get(id).filter(e -> e.visibleTo(clinicId));
    }

    public Entry remember(Exercise x) {
        Entry e = parse(x);
        byId.put(e.id(), e);
        return e;
    }

    public boolean isShippedChain(String chain) {
        return shippedChains().containsKey(chain);
    }

    /** A shipped library exercise by slug (templates name exercises by slug). */
    public Optional<Entry> shippedBySlug(String slug) {
        Map<String, Entry> bySlug = shippedBySlug;
        if (bySlug == null) {
            bySlug = Exercise.<Exercise>list("clinicId is null").stream().map(this::remember)
                    .collect(Collectors.toMap(Entry::slug, e -> e));
            shippedBySlug = bySlug;
        }
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** Chain neighbours for plans of one clinic. */
    public Chain chainFor(UUID clinicId) {
        return new Chain() {
            @Override
            public Optional<UUID> harder(UUID exerciseId) {
                return neighbour(exerciseId, +1).map(Entry::id);
            }

            @Override
            public Optional<UUID> easier(UUID exerciseId) {
                return neighbour(exerciseId, -1).map(Entry::id);
            }

            @Override
            public Optional<UUID> harderWith(UUID exerciseId, DosageField field) {
                return neighbour(exerciseId, +1).filter(e -> e.defaultDosage().get(field) != null
                        || e.dosageType().needs().equals(field.json())).map(Entry::id);
            }

            private Optional<Entry> neighbour(UUID exerciseId, int direction) {
                Entry e = get(exerciseId).orElse(null);
                if (e == null || e.chain() == null) {
                    return Optional.empty();
                }
                List<Entry> members = e.clinicId() == null ? shippedChains().getOrDefault(e.chain(), List.of())
                        : clinicChain(clinicId, e.chain());
                int target = e.chainStep() + direction;
                return members.stream().filter(m -> m.chainStep() == target).findFirst();
            }
        };
    }

    /**
     * The API view of an exercise, already serialized, for bodies that embed many of them
     * (a plan embeds each of its exercises, about 1.2 KB of JSON each). A shipped exercise
     * and its shipped chain never change, so its JSON is written once per instance; a
     * clinic's own exercise is written each time (its chain can grow).
     */
    public RawValue rendered(Entry e, Chain chain) {
        return rendered(e, chain, ContentLanguage.original());
    }

    /**
     * The same in a request's language: a shipped exercise is written once per instance and
     * combination of its fields' languages (shipped translations change only with a migration).
     */
    public RawValue rendered(Entry e, Chain chain, ContentLanguage language) {
        ContentLanguage.Localized<ExerciseText> text = language.exercise(e.id(), e.originalLanguage(), text(e));
        if (e.clinicId() != null) {
            return new RawValue(new SerializedString(json.write(view(e, chain, text.text()))));
        }
        return renderedShipped.computeIfAbsent(e.id() + "|" + text.key(),
                id -> new RawValue(new SerializedString(json.write(view(e, chain, text.text())))));
    }

    /** The API view of an exercise in a request's language. */
    public ExerciseView view(Entry e, Chain chain, ContentLanguage language) {
        return view(e, chain, language.exercise(e.id(), e.originalLanguage(), text(e)).text());
    }

    private static ExerciseText text(Entry e) {
        return new ExerciseText(e.name(), e.summary(), e.instructions(), e.cautions());
    }

    /** The API view of an exercise, with its chain neighbours as this clinic sees them. */
    public ExerciseView view(Entry e, Chain chain) {
        return view(e, chain, text(e));
    }

    private ExerciseView view(Entry e, Chain chain, ExerciseText text) {
        return new ExerciseView(e.id(), e.slug(), text.name(), e.category(), text.summary(), text.instructions(),
                text.cautions(),
                e.dosageType(), e.defaultDosage(), e.equipment(), e.imageUrl(), e.videoUrl(), e.chain(), e.chainStep(),
                chain.easier(e.id()).map(this::slugOf).orElse(null), chain.harder(e.id()).map(this::slugOf).orElse(null),
                e.clinicId() != null);
    }

    /** Exercises cached by id now. */
    long cachedEntries() {
        byId.cleanUp();
        return byId.estimatedSize();
    }

    public String slugOf(UUID id) {
        return get(id).map(Entry::slug).orElse(null);
    }

    private List<Entry> clinicChain(UUID clinicId, String chain) {
        return Exercise.<Exercise>list("clinicId = ?1 and chain = ?2", clinicId, chain).stream()
                .map(this::remember).toList();
    }

    private Map<String, List<Entry>> shippedChains() {
        Map<String, List<Entry>> chains = shippedChains;
        if (chains == null) {
            chains = Exercise.<Exercise>list("clinicId is null and chain is not null").stream()
                    .map(this::remember)
                    .sorted(Comparator.comparing(Entry::chainStep))
                    .collect(Collectors.groupingBy(Entry::chain));
            shippedChains = chains;
        }
        return chains;
    }

    private Entry parse(Exercise x) {
        return new Entry(x.id, x.clinicId, x.slug, x.name, x.category, x.summary,
                json.read(x.instructions, STRINGS), json.read(x.cautions, STRINGS), x.dosageType,
                json.read(x.defaultDosage, Dosage.class), json.read(x.equipment, STRINGS),
                x.imageUrl, x.videoUrl, x.chain, x.chainStep, LibraryRow.originalLanguage(x.clinicId, x.originalLocale));
    }
}
