package app.glide.plan;

import app.glide.exercise.Dosage;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One prescribed exercise as stored in a plan revision. {@code dosage} is the dosage on
 * {@code since} (a date in the patient's zone); with a progression, the dosage of any later
 * date is computed from these, never stored. {@code startValue} is the progression field's
 * value the item restarts at after moving to a harder exercise. {@code hold}, when set, says
 * why the scheduled progression is held (a flare-up, a step back, a pain signal): the item
 * stays at {@code dosage} until the hold is lifted, and then climbs again from there.
 * {@code mediaId}, when set, is a media item the therapist chose for this item (typically a video
 * recorded for this patient; media/MediaLinks checks it), listed in the patient's media manifest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanItem(UUID id, UUID exerciseId, Dosage dosage, LocalDate since, Schedule schedule,
                       Progression progression, Integer startValue, String note, String phase, boolean paused,
                       Ceiling ceiling, String hold, UUID mediaId) {

    /**
     * How far automatic progression (AUTO mode) may take the item: up to this chain step,
     * and on that step up to {@code maxValue} of the progression field. Without a ceiling
     * nothing is progressed automatically.
     */
    public record Ceiling(UUID exerciseId, Integer maxValue) {
    }

    @JsonCreator
    public PlanItem {
    }

    public PlanItem(UUID id, UUID exerciseId, Dosage dosage, LocalDate since, Schedule schedule,
                    Progression progression, Integer startValue, String note, String phase, boolean paused,
                    Ceiling ceiling, String hold) {
        this(id, exerciseId, dosage, since, schedule, progression, startValue, note, phase, paused, ceiling, hold, null);
    }

    public PlanItem(UUID id, UUID exerciseId, Dosage dosage, LocalDate since, Schedule schedule,
                    Progression progression, Integer startValue, String note, String phase, boolean paused) {
        this(id, exerciseId, dosage, since, schedule, progression, startValue, note, phase, paused, null, null, null);
    }

    public boolean held() {
        return hold != null;
    }

    /** Held (reason) or released (null) from today: the clock restarts at today's dosage either way. */
    public PlanItem withHold(String reason) {
        return new PlanItem(id, exerciseId, dosage, since, schedule, progression, startValue, note, phase, paused, ceiling,
                reason, mediaId);
    }

    public PlanItem withState(UUID exerciseId, Dosage dosage, LocalDate since) {
        return new PlanItem(id, exerciseId, dosage, since, schedule, progression, startValue, note, phase, paused, ceiling,
                hold, mediaId);
    }

    public PlanItem withPaused(boolean paused) {
        return new PlanItem(id, exerciseId, dosage, since, schedule, progression, startValue, note, phase, paused, ceiling,
                hold, mediaId);
    }
}
