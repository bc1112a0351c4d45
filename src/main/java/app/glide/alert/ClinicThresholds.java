package app.glide.alert;

import app.glide.clinic.ClinicSettings;

/** The alert thresholds a clinic's settings set (alert/ reads clinic/, never the other way round). */
public final class ClinicThresholds {

    private ClinicThresholds() {
    }

    public static AlertRules.Thresholds of(ClinicSettings s) {
        return new AlertRules.Thresholds(s.painRisePoints.doubleValue(), s.worseMorningsInARow, s.lowAdherencePercent,
                s.inactivityDays);
    }
}
