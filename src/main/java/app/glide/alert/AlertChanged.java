package app.glide.alert;

import java.util.UUID;

/**
 * A domain event, fired synchronously in the transaction that raised or resolved an alert,
 * for features that must react (suggestions hold scheduled progression while a red flag,
 * rising pain or peripheralisation stands) without the alert feature depending on them.
 */
public record AlertChanged(UUID patientId, AlertKind kind, boolean open) {
}
