package app.glide.alert;

import app.glide.clinic.ClinicSettings;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** When each alert fires. Plain Java; thresholds come from the clinic's settings. */
public final class AlertRules {

    private AlertRules() {
    }

    public record Thresholds(double painRisePoints, int worseMorningsInARow, int lowAdherencePercent,
                             int inactivityDays) {
        public static final Thresholds DEFAULTS = new Thresholds(ClinicSettings.DEFAULT_PAIN_RISE_POINTS,
                ClinicSettings.DEFAULT_WORSE_MORNINGS_IN_A_ROW, ClinicSettings.DEFAULT_LOW_ADHERENCE_PERCENT,
                ClinicSettings.DEFAULT_INACTIVITY_DAYS);
    }

    /** The last 7 days' resting pain is up on the first week's by at least the threshold. */
    public static boolean painRising(Double avg7d, Double baseline, Thresholds t) {
        return avg7d != null && baseline != null && avg7d - baseline >= t.painRisePoints() - 1e-9;
    }

    /** The newest {@code worseMorningsInARow} next-morning answers (newest first) are all WORSE. */
    public static boolean worseMornings(List<String> newestFirst, Thresholds t) {
        if (newestFirst.size() < t.worseMorningsInARow()) {
            return false;
        }
        return newestFirst.subList(0, t.worseMorningsInARow()).stream().allMatch("WORSE"::equals);
    }

    /** Adherence over 7 days below the threshold, once the plan has run a full week. */
    public static boolean lowAdherence(Double adherence7d, LocalDate planStart, LocalDate today, Thresholds t) {
        return adherence7d != null && ChronoUnit.DAYS.between(planStart, today) >= 7
                && adherence7d * 100 < t.lowAdherencePercent();
    }

    /** No session for the threshold's number of days since the last one (or since the plan began). */
    public static boolean inactive(LocalDate lastActive, LocalDate today, Thresholds t) {
        return ChronoUnit.DAYS.between(lastActive, today) >= t.inactivityDays();
    }
}
