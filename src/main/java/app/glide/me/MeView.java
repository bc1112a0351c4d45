package app.glide.me;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** The signed-in user as the API shows it (schema Me). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeView(UUID id, String role, UUID clinicId, String clinicName, String displayName, String email,
                     String timeZone, UUID primaryTherapistId, String locale) {
}
