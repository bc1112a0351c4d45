package app.glide.plan;

import app.glide.exercise.Chain;
import app.glide.exercise.ExerciseCatalog;
import app.glide.web.ApiProblem;
import app.glide.web.ApiProblem.FieldError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks a whole plan before anything is saved and turns it into content. Shape problems
 * (a malformed schedule, a progression that cannot work) are 400 with a field path per
 * problem; references that cannot be used (an unknown or another clinic's exercise, a
 * dosage that does not fit how the exercise is dosed) are 422. Plain Java.
 */
public final class PlanRules {

    private PlanRules() {
    }

    /**
     * @param visibleExercise exercise by id if this clinic may use it, else null
     * @param current the plan's current content (for item ids and progression clocks), or null
     */
    public static PlanContent toContent(PlanDtos.PlanRequest request, Function<UUID, ExerciseCatalog.Entry> visibleExercise,
                                        PlanContent current, LocalDate today) {
        return toContent(request, visibleExercise, current, today, Chain.NONE, id -> true);
    }

    /**
     * @param chain neighbours in progression chains (an automatic-progression ceiling must be a step of the item's chain)
     * @param cardVisible whether an education card may be attached (shipped, or the clinic's own)
     */
    public static PlanContent toContent(PlanDtos.PlanRequest request, Function<UUID, ExerciseCatalog.Entry> visibleExercise,
                                        PlanContent current, LocalDate today, Chain chain,
                                        Predicate<UUID> cardVisible) {
        List<FieldError> shape = new ArrayList<>();
        List<FieldError> unusable = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        List<PlanItem> items = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            PlanDtos.ItemInput in = request.items().get(i);
            String at = "items[" + i + "]";
            if (in.id() != null && !ids.add(in.id())) {
                shape.add(new FieldError(at + ".id", "appears twice in the plan"));
            }
            if (in.id() != null && (current == null || current.item(in.id()).isEmpty())) {
                shape.add(new FieldError(at + ".id", "is not an item of the current plan; leave it out for a new item"));
            }
            Schedule schedule = schedule(in.schedule(), at + ".schedule", shape);
            Progression progression = in.progression() == null ? null : in.progression().toProgression();
            if (progression != null) {
                Integer start = in.dosage().get(progression.field());
                if (start == null) {
                    shape.add(new FieldError(at + ".progression.field",
                            "the dosage has no " + progression.field().json() + " to progress"));
                } else if (progression.cap() <= start) {
                    shape.add(new FieldError(at + ".progression.cap", "must be above the starting "
                            + progression.field().json() + " (" + start + ")"));
                } else if (progression.cap() > progression.field().max) {
                    shape.add(new FieldError(at + ".progression.cap", "must be at most " + progression.field().max
                            + " for " + progression.field().json()));
                }
            }
            ExerciseCatalog.Entry exercise = visibleExercise.apply(in.exerciseId());
            if (exercise == null) {
                unusable.add(new FieldError(at + ".exerciseId", "no exercise " + in.exerciseId() + " in your library"));
            } else if (!exercise.dosageType().fits(in.dosage())) {
                unusable.add(new FieldError(at + ".dosage", exercise.name() + " is dosed by "
                        + exercise.dosageType().name().toLowerCase() + ": give " + exercise.dosageType().needs()));
            }
            if (in.ceiling() != null && !in.ceiling().exerciseId().equals(in.exerciseId())
                    && !PlanAdjuster.inSameChain(in.exerciseId(), in.ceiling().exerciseId(), chain)) {
                shape.add(new FieldError(at + ".ceiling.exerciseId", "must be a step of the item's progression chain"));
            }
            items.add(item(in, schedule, progression, current, today));
        }
        List<UUID> cards = request.educationCardIds() != null ? request.educationCardIds()
                : current != null ? current.educationCardIds() : List.of();
        for (int i = 0; i < cards.size(); i++) {
            if (!cardVisible.test(cards.get(i))) {
                unusable.add(new FieldError("educationCardIds[" + i + "]", "no education card " + cards.get(i)
                        + " in your library"));
            }
        }
        if (!shape.isEmpty()) {
            throw new ApiProblem(400, "invalid-plan", "Invalid plan", count(shape) + " in the plan.", shape, null);
        }
        if (!unusable.isEmpty()) {
            String slug = unusable.stream().anyMatch(e -> e.field().endsWith("exerciseId")) ? "unknown-exercise"
                    : unusable.stream().anyMatch(e -> e.field().startsWith("educationCardIds")) ? "unknown-education-card"
                    : "dosage-mismatch";
            throw new ApiProblem(422, slug, "Plan cannot be used", count(unusable) + " in the plan.", unusable, null);
        }
        int scale = request.scalePercent() == null ? (current == null ? 100 : current.scalePercent()) : request.scalePercent();
        boolean paused = current != null && current.paused();
        String name = request.name() != null ? request.name().strip() : current != null ? current.name() : "Home exercise plan";
        PlanContent.AdjustmentMode mode = request.adjustmentMode() != null ? request.adjustmentMode()
                : current != null ? current.adjustmentMode() : PlanContent.AdjustmentMode.MANUAL;
        PlanContent.RuleOverrides rules = request.rules() != null ? request.rules().toOverrides()
                : current != null ? current.rules() : null;
        return new PlanContent(name, request.templateSlug(), scale, paused, List.copyOf(items), mode, rules,
                current == null ? null : current.flare(), cards);
    }

    private static String count(List<FieldError> errors) {
        return errors.size() == 1 ? "1 problem" : errors.size() + " problems";
    }

    static Schedule schedule(PlanDtos.ScheduleInput in, String at, List<FieldError> errors) {
        boolean days = in.daysOfWeek() != null;
        boolean perWeek = in.sessionsPerWeek() != null;
        if (days == perWeek) {
            errors.add(new FieldError(at, "give exactly one of daysOfWeek or sessionsPerWeek"));
            return null;
        }
        if (perWeek) {
            return new Schedule(null, in.sessionsPerWeek());
        }
        if (in.daysOfWeek().isEmpty()) {
            errors.add(new FieldError(at + ".daysOfWeek", "must name at least one day"));
            return null;
        }
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : in.daysOfWeek()) {
            if (!set.add(d)) {
                errors.add(new FieldError(at + ".daysOfWeek", d + " appears twice"));
            }
        }
        return new Schedule(set, null);
    }

    /**
     * A new item starts today. An existing item (same id) keeps its progression clock when
     * nothing that drives it changed; otherwise it starts over today.
     */
    private static PlanItem item(PlanDtos.ItemInput in, Schedule schedule, Progression progression,
                                 PlanContent current, LocalDate today) {
        UUID id = in.id() != null ? in.id() : UUID.randomUUID();
        PlanItem.Ceiling ceiling = in.ceiling() == null ? null
                : new PlanItem.Ceiling(in.ceiling().exerciseId(), in.ceiling().maxValue());
        boolean paused = Boolean.TRUE.equals(in.paused());
        Integer startValue = progression == null ? null : in.dosage().get(progression.field());
        if (current != null && in.id() != null) {
            PlanItem before = current.item(in.id()).orElse(null);
            if (before != null && before.exerciseId().equals(in.exerciseId()) && before.dosage().equals(in.dosage())
                    && Objects.equals(before.progression(), progression) && before.paused() == paused) {
                return new PlanItem(id, in.exerciseId(), in.dosage(), before.since(), schedule, progression,
                        before.startValue(), in.note(), in.phase(), paused, ceiling, before.hold(), in.mediaId());
            }
        }
        return new PlanItem(id, in.exerciseId(), in.dosage(), today, schedule, progression, startValue, in.note(),
                in.phase(), paused, ceiling, null, in.mediaId());
    }

    /** Sentences describing how {@code after} differs from {@code before}, for the revision. */
    public static List<String> describeReplacement(PlanContent before, PlanContent after, Map<UUID, String> names) {
        List<String> changes = new ArrayList<>();
        if (before == null) {
            changes.add("Plan created with " + after.items().size() + " exercise(s)");
            return changes;
        }
        for (PlanItem a : after.items()) {
            PlanItem b = before.item(a.id()).orElse(null);
            String name = names.getOrDefault(a.exerciseId(), a.exerciseId().toString());
            if (b == null) {
                changes.add("Added " + PlanAdjuster.describe(name, a.dosage()));
            } else if (!b.equals(a)) {
                changes.add("Changed " + PlanAdjuster.describe(name, a.dosage()));
            }
        }
        for (PlanItem b : before.items()) {
            if (after.item(b.id()).isEmpty()) {
                changes.add("Removed " + names.getOrDefault(b.exerciseId(), b.exerciseId().toString()));
            }
        }
        if (before.scalePercent() != after.scalePercent()) {
            changes.add("Whole plan scaled from " + before.scalePercent() + " % to " + after.scalePercent() + " %");
        }
        if (changes.isEmpty()) {
            changes.add("No change to the exercises");
        }
        return changes;
    }
}
