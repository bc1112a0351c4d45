package app.glide.clinic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A clinic's alert thresholds, red-flag message and whom a patient told to stop should
 * call (the clinic's phone, the emergency number of its country); defaults until an admin
 * changes them.
 */
@Entity
@Table(name = "clinic_settings")
public class ClinicSettings extends PanacheEntityBase {

    public static final String DEFAULT_RED_FLAG_MESSAGE = "Some of your answers can be a sign of a problem that needs a"
            + " doctor today. Stop your exercises and contact your doctor or emergency services now. Your care team"
            + " has been told.";

    public static final int DEFAULT_DOSE_STEP_BACK_PERCENT = 80;
    public static final int DEFAULT_MORNING_CHECK_MIN_HOURS = 6;
    public static final int DEFAULT_SORENESS_WINDOW_HOURS = 48;
    /** The reply time the patient is told to expect, in hours (message/). */
    public static final int DEFAULT_MESSAGING_REPLY_HOURS = 48;

    @Id
    @Column(name = "clinic_id")
    public UUID clinicId;

    @Column(name = "pain_rise_points", nullable = false, precision = 3, scale = 1)
    public BigDecimal painRisePoints;

    @Column(name = "worse_mornings_in_a_row", nullable = false)
    public int worseMorningsInARow;

    @Column(name = "low_adherence_percent", nullable = false)
    public int lowAdherencePercent;

    @Column(name = "inactivity_days", nullable = false)
    public int inactivityDays;

    @Column(name = "red_flag_message", nullable = false)
    public String redFlagMessage;

    @Column(name = "progress_after_sessions", nullable = false)
    public int progressAfterSessions;

    @Column(name = "progress_max_pain", nullable = false)
    public int progressMaxPain;

    @Column(name = "regress_pain_above", nullable = false)
    public int regressPainAbove;

    @Column(name = "target_difficulty", nullable = false)
    public int targetDifficulty;

    @Column(name = "flare_min_days", nullable = false)
    public int flareMinDays;

    @Column(name = "flare_recovery_margin", nullable = false, precision = 3, scale = 1)
    public BigDecimal flareRecoveryMargin;

    @Column(name = "dose_step_back_percent", nullable = false)
    public int doseStepBackPercent;

    @Column(name = "morning_check_min_hours", nullable = false)
    public int morningCheckMinHours;

    /** After dry needling or manual therapy, the hours in which soreness is expected (visit/SorenessWindows). */
    @Column(name = "soreness_window_hours", nullable = false)
    public int sorenessWindowHours;

    /** Whether patients and therapists can write messages (message/); reading stays possible when off. */
    @Column(name = "messaging_enabled", nullable = false)
    public boolean messagingEnabled;

    /** Whether an erasure keeps the clinical record under a pseudonym by default (erasure/, docs/security.md). */
    @Column(name = "erasure_retains_clinical_records", nullable = false)
    public boolean erasureRetainsClinicalRecords;

    /** The reply time, in hours, the patient is told to expect from the care team. */
    @Column(name = "messaging_reply_hours", nullable = false)
    public int messagingReplyHours;

    /** The clinic's phone number, shown to a patient told to stop and seek care; null when not set. */
    @Column
    public String phone;

    /** ISO 3166-1 alpha-2; picks the emergency number when no override is set. */
    @Column
    public String country;

    /** Overrides the country's emergency number; null to use the country's. */
    @Column(name = "emergency_number")
    public String emergencyNumber;

    /** The clinic's default language (BCP 47): content for a patient without a locale, and of the clinic's own texts. */
    @Column(name = "default_locale", nullable = false)
    public String defaultLocale;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public UUID updatedBy;

    /** Default alert thresholds (alert/ builds its {@code AlertRules.Thresholds} from these). */
    public static final double DEFAULT_PAIN_RISE_POINTS = 2.0;
    public static final int DEFAULT_WORSE_MORNINGS_IN_A_ROW = 2;
    public static final int DEFAULT_LOW_ADHERENCE_PERCENT = 50;
    public static final int DEFAULT_INACTIVITY_DAYS = 3;

    /** The clinic's settings, or the defaults (not saved) when it never changed them. */
    public static ClinicSettings of(UUID clinicId) {
        ClinicSettings s = findById(clinicId);
        if (s != null) {
            return s;
        }
        s = new ClinicSettings();
        s.clinicId = clinicId;
        s.painRisePoints = BigDecimal.valueOf(DEFAULT_PAIN_RISE_POINTS);
        s.worseMorningsInARow = DEFAULT_WORSE_MORNINGS_IN_A_ROW;
        s.lowAdherencePercent = DEFAULT_LOW_ADHERENCE_PERCENT;
        s.inactivityDays = DEFAULT_INACTIVITY_DAYS;
        s.redFlagMessage = DEFAULT_RED_FLAG_MESSAGE;
        s.defaultLocale = "en";
        s.progressAfterSessions = 3;
        s.progressMaxPain = 3;
        s.regressPainAbove = 5;
        s.targetDifficulty = 6;
        s.flareMinDays = 3;
        s.flareRecoveryMargin = BigDecimal.ONE;
        s.doseStepBackPercent = DEFAULT_DOSE_STEP_BACK_PERCENT;
        s.morningCheckMinHours = DEFAULT_MORNING_CHECK_MIN_HOURS;
        s.sorenessWindowHours = DEFAULT_SORENESS_WINDOW_HOURS;
        s.messagingEnabled = true;
        s.erasureRetainsClinicalRecords = true;
        s.messagingReplyHours = DEFAULT_MESSAGING_REPLY_HOURS;
        return s;
    }

    /** The emergency number patients are shown: the override, else the country's (112 by default). */
    public String effectiveEmergencyNumber() {
        return EmergencyNumbers.effective(emergencyNumber, country);
    }
}
