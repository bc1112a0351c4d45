package app.glide.erasure;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Bodies of POST /v1/patients/{id}/erasure (openapi.yaml ErasureRequest, Erasure). */
public final class ErasureDtos {

    private ErasureDtos() {
    }

    /** Why the patient is erased: a code, never free text (it is audited, and audit rows stay). */
    public enum Reason { PATIENT_REQUEST, CONSENT_WITHDRAWN, UNLAWFUL_PROCESSING, LEGAL_OBLIGATION }

    /** {@code retainClinicalRecords} null: the clinic's setting (clinic_settings.erasure_retains_clinical_records). */
    public record ErasureRequest(@NotNull Reason reason, Boolean retainClinicalRecords) {
    }

    public record ErasureStepView(String table, String action, int rows) {
    }

    public record ErasureView(UUID patientId, String pseudonym, Instant erasedAt, Reason reason,
                              boolean clinicalRecordsRetained, List<ErasureStepView> steps) {
    }
}
