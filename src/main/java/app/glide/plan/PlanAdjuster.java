package app.glide.plan;

import app.glide.exercise.Chain;
import app.glide.exercise.Dosage;
import app.glide.exercise.DosageField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Applies one therapist adjustment to a plan's content. Before changing an item it
 * "settles" the item at today's prescription (exercise and dosage as computed today,
 * counted from today), so that a change never rewrites what was prescribed for past days.
 * Plain Java; refusals are {@link Refusal}s with the reason in words, and callers that go on
 * after a refusal use {@link #attempt}, which answers the refusal as a value (a refusal must
 * never be thrown through a transactional proxy and caught: that silently rolls the
 * request back).
 *
 * <p>REGRESS always has a meaning: the previous increment, else the easier exercise of the
 * chain, else — at the easiest step and its starting dose — the dose itself steps back to
 * the clinic's {@code stepBackPercent} (reps, hold or minutes; sets when nothing else), never
 * below {@link #floor}. A step back holds the item's scheduled progression (it climbs again
 * only when progressed, given a new dosage or resumed); a PROGRESS releases the hold.
 */
public final class PlanAdjuster {

    private PlanAdjuster() {
    }

    public static final class Refusal extends RuntimeException {
        public Refusal(String message) {
            super(message, null, false, false);
        }
    }

    /** The new content and a sentence per change, for the revision. */
    public record Result(PlanContent content, List<String> changes) {
    }

    public record Request(Adjustment action, UUID itemId, Dosage dosage, UUID exerciseId, Integer scalePercent) {
    }

    /** A result, or the refusal in words: what callers that carry on after a refusal use. */
    public record Attempt(Result result, String refusal) {
        public boolean ok() {
            return result != null;
        }
    }

    /** The share of the dose kept when the dose itself steps back, unless the clinic sets another. */
    public static final int DEFAULT_STEP_BACK_PERCENT = 80;
    /** Hold reason of an item stepped back by REGRESS. */
    public static final String HOLD_STEPPED_BACK = "stepped-back";
    /** Hold reason of every item a flare-up touched, until it ends. */
    public static final String HOLD_FLARE = "flare-up";

    /** Lowest value a dose step-back goes to, per field. */
    public static int floor(DosageField field) {
        return switch (field) {
            case SETS -> 1;
            case REPS -> 2;
            case HOLD_SECONDS -> 5;
            case DURATION_MINUTES -> 2;
        };
    }

    public static Attempt attempt(PlanContent content, Request r, LocalDate today, Chain chain,
                                  Function<UUID, String> names, Function<UUID, Dosage> defaultDosage,
                                  BiPredicate<UUID, UUID> sameDosageType, int stepBackPercent) {
        try {
            return new Attempt(apply(content, r, today, chain, names, defaultDosage, sameDosageType, stepBackPercent), null);
        } catch (Refusal refusal) {
            return new Attempt(null, refusal.getMessage());
        }
    }

    public static Result apply(PlanContent content, Request r, LocalDate today, Chain chain,
                               Function<UUID, String> names, Function<UUID, Dosage> defaultDosage,
                               BiPredicate<UUID, UUID> sameDosageType) {
        return apply(content, r, today, chain, names, defaultDosage, sameDosageType, DEFAULT_STEP_BACK_PERCENT);
    }

    /**
     * @param names exercise id to display name, for the change sentences
     * @param defaultDosage exercise id to its default dosage (used when a step changes dosage type)
     * @param sameDosageType whether two exercises are dosed the same way (reps, hold, duration)
     */
    public static Result apply(PlanContent content, Request r, LocalDate today, Chain chain,
                               Function<UUID, String> names, Function<UUID, Dosage> defaultDosage,
                               BiPredicate<UUID, UUID> sameDosageType, int stepBackPercent) {
        switch (r.action()) {
            case SCALE_PLAN -> {
                if (r.scalePercent() == null) {
                    throw new Refusal("SCALE_PLAN needs scalePercent.");
                }
                return new Result(content.withScale(r.scalePercent()),
                        List.of("Whole plan scaled from " + content.scalePercent() + " % to " + r.scalePercent() + " %"));
            }
            case PAUSE_PLAN -> {
                if (content.paused()) {
                    throw new Refusal("The plan is already paused.");
                }
                return new Result(content.withPaused(true), List.of("Plan paused"));
            }
            case RESUME_PLAN -> {
                if (!content.paused()) {
                    throw new Refusal("The plan is not paused.");
                }
                return new Result(content.withPaused(false), List.of("Plan resumed"));
            }
            default -> {
                // item actions below
            }
        }
        PlanItem item = content.item(r.itemId())
                .orElseThrow(() -> new Refusal("The plan has no item " + r.itemId() + "."));
        ProgressionMath.Prescription now = ProgressionMath.on(item, today, chain);
        PlanItem settled = item.withState(now.exerciseId(), now.dosage(), today);
        UUID wasExercise = now.exerciseId();
        PlanItem changed = switch (r.action()) {
            case PROGRESS -> progress(settled, chain, defaultDosage, sameDosageType).withHold(null);
            case REGRESS -> regress(settled, chain, defaultDosage, sameDosageType, stepBackPercent)
                    .withHold(HOLD_STEPPED_BACK);
            case SET_DOSAGE -> {
                if (r.dosage() == null) {
                    throw new Refusal("SET_DOSAGE needs dosage.");
                }
                yield settled.withState(settled.exerciseId(), r.dosage(), today).withHold(null);
            }
            case SET_EXERCISE -> {
                if (r.exerciseId() == null) {
                    throw new Refusal("SET_EXERCISE needs exerciseId.");
                }
                if (!inSameChain(settled.exerciseId(), r.exerciseId(), chain)) {
                    throw new Refusal("That exercise is not a step of this item's progression chain.");
                }
                Dosage d = r.dosage() != null ? r.dosage()
                        : sameDosageType.test(settled.exerciseId(), r.exerciseId()) ? settled.dosage()
                        : defaultDosage.apply(r.exerciseId());
                yield settled.withState(r.exerciseId(), d, today).withHold(null);
            }
            case PAUSE_ITEM -> {
                if (item.paused()) {
                    throw new Refusal("That item is already paused.");
                }
                yield settled.withPaused(true);
            }
            case RESUME_ITEM -> {
                if (item.paused()) {
                    yield settled.withPaused(false);
                }
                if (item.held()) {
                    yield settled.withHold(null); // its scheduled progression climbs again from today's dosage
                }
                throw new Refusal("That item is neither paused nor held.");
            }
            default -> throw new IllegalStateException(r.action().name());
        };
        String label = names.apply(item.exerciseId());
        String sentence = switch (r.action()) {
            case PAUSE_ITEM -> label + ": paused";
            case RESUME_ITEM -> label + (item.paused() ? ": resumed" : ": scheduled progression resumed");
            default -> label + ": " + describe(now.dosage()) + " → "
                    + (changed.exerciseId().equals(wasExercise) ? "" : names.apply(changed.exerciseId()) + ", ")
                    + describe(changed.dosage());
        };
        PlanItem result = changed;
        return new Result(content.withItem(item.id(), i -> result), List.of(sentence));
    }

    private static PlanItem progress(PlanItem item, Chain chain, Function<UUID, Dosage> defaults,
                                     BiPredicate<UUID, UUID> sameType) {
        Progression p = item.progression();
        if (p != null) {
            int value = item.dosage().get(p.field());
            if (value < p.cap()) {
                return item.withState(item.exerciseId(), item.dosage().with(p.field(), Math.min(p.cap(), value + p.increment())),
                        item.since());
            }
        }
        UUID harder = chain.harder(item.exerciseId())
                .orElseThrow(() -> new Refusal("This item is already at the hardest step of its chain"
                        + (p == null ? "." : " and at its dosage cap.")));
        return item.withState(harder, restartDosage(item, harder, defaults, sameType), item.since());
    }

    private static PlanItem regress(PlanItem item, Chain chain, Function<UUID, Dosage> defaults,
                                    BiPredicate<UUID, UUID> sameType, int stepBackPercent) {
        Progression p = item.progression();
        if (p != null) {
            int value = item.dosage().get(p.field());
            int floor = item.startValue() == null ? p.field().min : item.startValue();
            if (value > floor) {
                return item.withState(item.exerciseId(),
                        item.dosage().with(p.field(), Math.max(floor, value - p.increment())), item.since());
            }
        }
        var easier = chain.easier(item.exerciseId());
        if (easier.isPresent()) {
            return item.withState(easier.get(), restartDosage(item, easier.get(), defaults, sameType), item.since());
        }
        Dosage less = stepBack(item.dosage(), p == null ? null : p.field(), stepBackPercent)
                .orElseThrow(() -> new Refusal("This item is at the easiest step of its chain and its dose is at the"
                        + " lowest a step back goes to."));
        return item.withState(item.exerciseId(), less, item.since());
    }

    /**
     * The dose at {@code keepPercent} % — the progression field if there is one, else reps,
     * hold and minutes (sets only when the dose has none of them) — each rounded down, at
     * least one lower, never below {@link #floor}. Empty when nothing can go lower.
     */
    public static Optional<Dosage> stepBack(Dosage d, DosageField progressed, int keepPercent) {
        List<DosageField> fields = progressed != null ? List.of(progressed)
                : Stream.of(DosageField.REPS, DosageField.HOLD_SECONDS, DosageField.DURATION_MINUTES)
                        .filter(f -> d.get(f) != null).toList();
        if (fields.isEmpty() && d.sets() != null) {
            fields = List.of(DosageField.SETS);
        }
        Dosage out = d;
        boolean lowered = false;
        for (DosageField f : fields) {
            Integer value = d.get(f);
            if (value == null || value <= floor(f)) {
                continue;
            }
            int next = Math.max(floor(f), Math.min(value - 1, value * keepPercent / 100));
            out = out.with(f, next);
            lowered = true;
        }
        return lowered ? Optional.of(out) : Optional.empty();
    }

    /** On another chain step: the item's starting dosage when dosed alike, else that exercise's default. */
    private static Dosage restartDosage(PlanItem item, UUID next, Function<UUID, Dosage> defaults,
                                       BiPredicate<UUID, UUID> sameType) {
        if (!sameType.test(item.exerciseId(), next)) {
            return defaults.apply(next);
        }
        Progression p = item.progression();
        if (p != null && item.startValue() != null) {
            return item.dosage().with(p.field(), item.startValue());
        }
        return item.dosage();
    }

    static boolean inSameChain(UUID from, UUID to, Chain chain) {
        if (from.equals(to)) {
            return true;
        }
        for (var e = chain.harder(from); e.isPresent(); e = chain.harder(e.get())) {
            if (e.get().equals(to)) {
                return true;
            }
        }
        for (var e = chain.easier(from); e.isPresent(); e = chain.easier(e.get())) {
            if (e.get().equals(to)) {
                return true;
            }
        }
        return false;
    }

    /** "Bird-dog (2 sets, 8 reps)". */
    static String describe(String exercise, Dosage d) {
        String dosage = describe(d);
        return dosage.isEmpty() ? exercise : exercise + " (" + dosage + ")";
    }

    /** "2 sets, 8 reps, 5 s hold". */
    static String describe(Dosage d) {
        List<String> parts = new ArrayList<>();
        if (d.sets() != null) {
            parts.add(d.sets() + " sets");
        }
        if (d.reps() != null) {
            parts.add(d.reps() + " reps");
        }
        if (d.holdSeconds() != null) {
            parts.add(d.holdSeconds() + " s hold");
        }
        if (d.durationMinutes() != null) {
            parts.add(d.durationMinutes() + " min");
        }
        return String.join(", ", parts);
    }
}
