package app.glide.adherence;

import app.glide.exercise.Dosage;

/**
 * Dose-weighted completion of one prescribed item: the share of the prescribed volume
 * (sets × reps, × hold seconds for holds, or minutes) that was done, capped at 100 %.
 * Plain Java.
 */
public final class DoseMath {

    private DoseMath() {
    }

    public static double volume(Dosage d) {
        double sets = d.sets() == null ? 1 : d.sets();
        if (d.durationMinutes() != null && d.reps() == null && d.holdSeconds() == null) {
            return sets * d.durationMinutes();
        }
        double reps = d.reps() == null ? 1 : d.reps();
        double hold = d.holdSeconds() == null ? 1 : d.holdSeconds();
        return sets * reps * hold;
    }

    /**
     * Share done. Values the patient did not report are taken as prescribed (ticking
     * "done" means the whole dose).
     */
    public static double share(Dosage prescribed, Integer sets, Integer reps, Integer holdSeconds, Integer durationMinutes) {
        Dosage done = new Dosage(
                sets != null ? sets : prescribed.sets(),
                reps != null ? reps : prescribed.reps(),
                holdSeconds != null ? holdSeconds : prescribed.holdSeconds(),
                null, null, null, null,
                durationMinutes != null ? durationMinutes : prescribed.durationMinutes());
        double target = volume(prescribed);
        return target <= 0 ? 1.0 : Math.min(1.0, volume(done) / target);
    }
}
