package app.glide.patient;

import app.glide.web.IanaTimeZone;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of /v1/patients (see openapi.yaml). */
public final class PatientDtos {

    private PatientDtos() {
    }

    public record CreatePatientRequest(
            @NotBlank @Size(max = 100) String displayName,
            @NotNull @IanaTimeZone @Size(max = 64) String timeZone,
            @Size(max = 35) String locale) {

        public CreatePatientRequest(String displayName, String timeZone) {
            this(displayName, timeZone, null);
        }
    }

    public record UpdatePatientRequest(
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
            @IanaTimeZone @Size(max = 64) String timeZone,
            UUID primaryTherapistId,
            PatientStatus status,
            @Size(max = 35) String locale) {

        boolean isEmpty() {
            return displayName == null && timeZone == null && primaryTherapistId == null && status == null
                    && locale == null;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PatientView(UUID id, String displayName, String timeZone, UUID primaryTherapistId,
                              PatientStatus status, boolean enrolled, Instant enrolledAt, Instant createdAt,
                              Instant updatedAt, String locale) {

        public static PatientView of(Patient p) {
            return new PatientView(p.id, p.account.displayName, p.timeZone, p.primaryTherapistId, p.status,
                    p.enrolledAt != null, p.enrolledAt, p.account.createdAt, p.account.updatedAt, p.account.locale);
        }
    }

    public record EnrolmentCodeView(String code, Instant expiresAt) {
        public static EnrolmentCodeView of(PatientCredentials.Issued issued) {
            return new EnrolmentCodeView(issued.code(), issued.expiresAt());
        }
    }

    public record PatientCreated(PatientView patient, EnrolmentCodeView enrolmentCode) {
    }

    public record CareTeamMemberView(UUID therapistId, String displayName, boolean primary, boolean active) {
    }

    public record CareTeamView(UUID patientId, List<CareTeamMemberView> members) {
    }
}
