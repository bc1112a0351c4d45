package app.glide.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This replica's per-patient bulkhead (see {@link PatientWritesInterceptor}). */
@ApplicationScoped
public class PatientBulkhead {

    private final Bulkhead<UUID> bulkhead;
    private final long waitMillis;

    @Inject
    public PatientBulkhead(@ConfigProperty(name = "glide.bulkhead.per-patient", defaultValue = "4") int permits,
                           @ConfigProperty(name = "glide.bulkhead.wait", defaultValue = "5s") Duration wait) {
        this.bulkhead = new Bulkhead<>(permits);
        this.waitMillis = wait.toMillis();
    }

    /** True with a permit (call {@link #exit}), false after waiting in vain. */
    public boolean enter(UUID patient) throws InterruptedException {
        return bulkhead.enter(patient, waitMillis);
    }

    public void exit(UUID patient) {
        bulkhead.exit(patient);
    }
}
