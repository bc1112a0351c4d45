package app.glide.visit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** TEMPORARY integration placeholder, replaced by the visits branch at merge. */
@ApplicationScoped
public class SorenessWindows {

    public List<SorenessWindow> windows(UUID patientId, Instant from, Instant to) {
        return List.of();
    }

    public Optional<SorenessWindow> openAt(UUID patientId, Instant at) {
        return Optional.empty();
    }
}
