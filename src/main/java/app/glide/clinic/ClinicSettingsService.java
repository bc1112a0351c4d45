package app.glide.clinic;

import app.glide.language.LanguageTag;
import app.glide.access.Caller;
import app.glide.audit.AuditLog;
import app.glide.web.ApiProblem;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and replaces the caller's clinic's settings. The contact fields (phone, country,
 * emergencyNumber) are optional in a replacement: absent keeps the current value, an empty
 * string clears it, so older clients that do not know them never wipe them.
 */
@ApplicationScoped
public class ClinicSettingsService {

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public record SettingsView(double painRisePoints, int worseMorningsInARow, int lowAdherencePercent,
                               int inactivityDays, String redFlagMessage, int progressAfterSessions,
                               int progressMaxPain, int regressPainAbove, int targetDifficulty,
                               int doseStepBackPercent, int morningCheckMinHours, int flareMinDays,
                               double flareRecoveryMargin, String phone, String country, String emergencyNumber,
                               String effectiveEmergencyNumber, int sorenessWindowHours, boolean messagingEnabled,
                               int messagingReplyHours, String defaultLocale, boolean erasureRetainsClinicalRecords) {
        static SettingsView of(ClinicSettings s) {
            return new SettingsView(s.painRisePoints.doubleValue(), s.worseMorningsInARow, s.lowAdherencePercent,
                    s.inactivityDays, s.redFlagMessage, s.progressAfterSessions, s.progressMaxPain, s.regressPainAbove,
                    s.targetDifficulty, s.doseStepBackPercent, s.morningCheckMinHours, s.flareMinDays,
                    s.flareRecoveryMargin.doubleValue(), s.phone, s.country, s.emergencyNumber,
                    s.effectiveEmergencyNumber(), s.sorenessWindowHours, s.messagingEnabled, s.messagingReplyHours, s.defaultLocale,
                    s.erasureRetainsClinicalRecords);
        }
    }

    /** Narrower than the column's check (no trailing space or separator), so what passes here is stored as sent. */
    static final String PHONE = "^$|^\\+?[0-9][0-9 ()./-]{1,28}[0-9)]$";
    static final String COUNTRY = "^$|^[A-Z]{2}$";
    static final String EMERGENCY_NUMBER = "^$|^[0-9]{2,6}$";

    /** effectiveEmergencyNumber is read-only: a client may send back what it read, and it is ignored. */
    @JsonIgnoreProperties(value = "effectiveEmergencyNumber")
    public record SettingsRequest(
            @NotNull @DecimalMin("0.5") @DecimalMax("10") BigDecimal painRisePoints,
            @NotNull @Min(1) @Max(7) Integer worseMorningsInARow,
            @NotNull @Min(1) @Max(100) Integer lowAdherencePercent,
            @NotNull @Min(1) @Max(30) Integer inactivityDays,
            @NotBlank @Size(max = 1000) String redFlagMessage,
            @Min(1) @Max(10) Integer progressAfterSessions,
            @Min(0) @Max(10) Integer progressMaxPain,
            @Min(0) @Max(10) Integer regressPainAbove,
            @Min(0) @Max(10) Integer targetDifficulty,
            @Min(50) @Max(95) Integer doseStepBackPercent,
            @Min(0) @Max(24) Integer morningCheckMinHours,
            @Min(0) @Max(30) Integer flareMinDays,
            @DecimalMin("0") @DecimalMax("10") BigDecimal flareRecoveryMargin,
            @Pattern(regexp = PHONE, message = "must be a phone number: digits, spaces and ()./- , optionally a leading +")
            String phone,
            @Pattern(regexp = COUNTRY, message = "must be an ISO 3166-1 alpha-2 country code such as DE or GB") String country,
            @Pattern(regexp = EMERGENCY_NUMBER, message = "must be 2 to 6 digits") String emergencyNumber,
            @Min(0) @Max(168) Integer sorenessWindowHours,
            Boolean messagingEnabled,
            @Min(1) @Max(336) Integer messagingReplyHours,
            @Size(max = 35) String defaultLocale,
            Boolean erasureRetainsClinicalRecords) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SettingsView get() {
        return SettingsView.of(ClinicSettings.of(caller.clinicId()));
    }

    @Transactional
    public SettingsView put(SettingsRequest r) {
        if (r.country() != null && !r.country().isEmpty() && !EmergencyNumbers.isCountry(r.country())) {
            throw ApiProblem.invalidField("country", "is not an ISO 3166-1 alpha-2 country code");
        }
        String defaultLocale = r.defaultLocale() == null ? null : LanguageTag.require(r.defaultLocale());
        ClinicSettings s = ClinicSettings.findById(caller.clinicId());
        boolean created = s == null;
        if (created) {
            s = ClinicSettings.of(caller.clinicId());
        }
        s.painRisePoints = r.painRisePoints().setScale(1, RoundingMode.HALF_UP);
        s.worseMorningsInARow = r.worseMorningsInARow();
        s.lowAdherencePercent = r.lowAdherencePercent();
        s.inactivityDays = r.inactivityDays();
        s.redFlagMessage = r.redFlagMessage().strip();
        if (r.progressAfterSessions() != null) {
            s.progressAfterSessions = r.progressAfterSessions();
        }
        if (r.progressMaxPain() != null) {
            s.progressMaxPain = r.progressMaxPain();
        }
        if (r.regressPainAbove() != null) {
            s.regressPainAbove = r.regressPainAbove();
        }
        if (r.targetDifficulty() != null) {
            s.targetDifficulty = r.targetDifficulty();
        }
        if (r.doseStepBackPercent() != null) {
            s.doseStepBackPercent = r.doseStepBackPercent();
        }
        if (r.morningCheckMinHours() != null) {
            s.morningCheckMinHours = r.morningCheckMinHours();
        }
        if (r.flareMinDays() != null) {
            s.flareMinDays = r.flareMinDays();
        }
        if (r.flareRecoveryMargin() != null) {
            s.flareRecoveryMargin = r.flareRecoveryMargin().setScale(1, RoundingMode.HALF_UP);
        }
        if (r.sorenessWindowHours() != null) {
            s.sorenessWindowHours = r.sorenessWindowHours();
        }
        if (r.messagingEnabled() != null) {
            s.messagingEnabled = r.messagingEnabled();
        }
        if (r.messagingReplyHours() != null) {
            s.messagingReplyHours = r.messagingReplyHours();
        }
        if (defaultLocale != null) {
            s.defaultLocale = defaultLocale;
        }
        if (r.erasureRetainsClinicalRecords() != null) {
            s.erasureRetainsClinicalRecords = r.erasureRetainsClinicalRecords();
        }
        if (r.phone() != null) {
            s.phone = r.phone().isEmpty() ? null : r.phone();
        }
        if (r.country() != null) {
            s.country = r.country().isEmpty() ? null : r.country();
        }
        if (r.emergencyNumber() != null) {
            s.emergencyNumber = r.emergencyNumber().isEmpty() ? null : r.emergencyNumber();
        }
        s.updatedAt = clock.instant();
        s.updatedBy = caller.userId();
        if (created) {
            s.persist();
        }
        Map<String, Object> what = new HashMap<>(Map.of(
                "painRisePoints", s.painRisePoints, "worseMorningsInARow", s.worseMorningsInARow,
                "lowAdherencePercent", s.lowAdherencePercent, "inactivityDays", s.inactivityDays,
                "emergencyNumber", s.effectiveEmergencyNumber(), "sorenessWindowHours", s.sorenessWindowHours,
                "messagingEnabled", s.messagingEnabled, "messagingReplyHours", s.messagingReplyHours,
                "defaultLocale", s.defaultLocale));
        what.put("erasureRetainsClinicalRecords", s.erasureRetainsClinicalRecords);
        if (s.phone != null) {
            what.put("phone", s.phone);
        }
        if (s.country != null) {
            what.put("country", s.country);
        }
        audit.record("clinic_settings", caller.clinicId(), "updated", what);
        return SettingsView.of(s);
    }
}
