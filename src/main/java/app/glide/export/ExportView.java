package app.glide.export;

import java.time.Instant;
import java.util.UUID;

/** An export as the API shows it (openapi.yaml PatientExport). */
public record ExportView(UUID id, UUID patientId, String status, Instant createdAt, Instant completedAt,
                         Instant expiresAt, Long bytes, String sha256, String failure, String downloadPath) {
}
