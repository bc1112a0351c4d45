package app.glide.patient;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A domain event, fired synchronously in the transaction that set a patient's status to
 * DISCHARGED: features that follow the discharge (outcome measures scheduled "at discharge")
 * react without the patient feature depending on them.
 *
 * @param on the patient's local date of the discharge
 */
public record PatientDischarged(UUID patientId, LocalDate on) {
}
