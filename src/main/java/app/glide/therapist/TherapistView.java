package app.glide.therapist;

import app.glide.access.UserAccount;
import java.time.Instant;
import java.util.UUID;

public record TherapistView(UUID id, String email, String displayName, boolean active, Instant createdAt) {

    public static TherapistView of(UserAccount u) {
        return new TherapistView(u.id, u.email, u.displayName, u.active, u.createdAt);
    }
}
