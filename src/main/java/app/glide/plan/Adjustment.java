package app.glide.plan;

/** What a therapist can do to a plan in one step. */
public enum Adjustment {
    /** One step up: the next progression increment, or the harder exercise at the cap. */
    PROGRESS,
    /** One step down: the previous increment, or the easier exercise at the start value. */
    REGRESS,
    /** An exact dosage for the item (keeps its exercise). */
    SET_DOSAGE,
    /** A chosen step of the item's chain (another exercise of the same chain). */
    SET_EXERCISE,
    PAUSE_ITEM,
    RESUME_ITEM,
    /** The whole plan at a percentage, e.g. 70 during a flare-up. */
    SCALE_PLAN,
    PAUSE_PLAN,
    RESUME_PLAN;

    public boolean needsItem() {
        return this != SCALE_PLAN && this != PAUSE_PLAN && this != RESUME_PLAN;
    }
}
