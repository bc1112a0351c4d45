package app.glide.reminder;

import app.glide.web.IanaTimeZone;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the phone sends and gets for devices, reminder preferences and the reminder schedule. */
public final class ReminderDtos {

    /** A local time of day, "HH:mm". */
    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final String TIME_MESSAGE = "must be a local time HH:mm (00:00 to 23:59)";

    private ReminderDtos() {
    }

    public record DeviceRequest(@NotNull PushTokens.Platform platform,
                                @NotBlank @Size(max = 4096) String pushToken,
                                @NotBlank @Size(max = 40) String appVersion,
                                @NotBlank @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*",
                                        message = "must be a BCP 47 language tag such as de-DE") String locale,
                                @NotBlank @Size(max = 64) @IanaTimeZone String timeZone) {
    }

    public record DeviceView(UUID installationId, PushTokens.Platform platform, String pushToken, String appVersion,
                             String locale, String timeZone, OffsetDateTime registeredAt, OffsetDateTime updatedAt) {
    }

    public record DeviceList(List<DeviceView> items) {
    }

    public record QuietHoursBody(@NotNull @Pattern(regexp = TIME, message = TIME_MESSAGE) String start,
                                 @NotNull @Pattern(regexp = TIME, message = TIME_MESSAGE) String end) {
    }

    public record PreferencesBody(
            @NotNull @Size(max = ReminderPreferences.MAX_REMINDER_TIMES)
            List<@NotNull @Pattern(regexp = TIME, message = TIME_MESSAGE) String> reminderTimes,
            @Valid QuietHoursBody quietHours,
            @Pattern(regexp = TIME, message = TIME_MESSAGE) String nudgeIfNotLoggedBy,
            @NotNull @Pattern(regexp = TIME, message = TIME_MESSAGE) String morningCheckAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReminderView(OffsetDateTime at, LocalDate localDate, String localTime, ReminderSchedule.Kind kind,
                               List<UUID> itemIds, String instrumentId, UUID visitId) {
    }

    public record ReminderList(String timeZone, LocalDate from, LocalDate to, List<ReminderView> items) {
    }
}
