package app.glide.alert;

import app.glide.symptom.SymptomExtent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a signal that arrives while an alert of its kind is still unresolved is worse
 * than what that alert recorded — then the alert is reopened and escalated instead of the
 * signal being swallowed by de-duplication. Plain Java.
 *
 * <ul>
 * <li>RED_FLAG: a positive answer not yet among the alert's positive answers.</li>
 * <li>PERIPHERALISATION: symptoms reach further down the leg than the alert recorded.</li>
 * <li>PLAN_AUTO_ADJUSTED: a new automatic REGRESS (the rule stepped the plan back again).</li>
 * </ul>
 * The same or a milder signal, and every other kind, stays de-duplicated.
 */
public final class AlertEscalation {

    private AlertEscalation() {
    }

    /** The alert's new message and details after escalating. */
    public record Escalation(String message, Map<String, Object> details) {
    }

    /** Whether a kind can escalate at all (the others need no look at the open alert). */
    public static boolean canEscalate(AlertKind kind) {
        return kind == AlertKind.RED_FLAG || kind == AlertKind.PERIPHERALISATION || kind == AlertKind.PLAN_AUTO_ADJUSTED;
    }

    /**
     * Compares a new signal (its message and details, as it would have been raised) with
     * the details of the unresolved alert of its kind; present when it is worse.
     */
    public static Optional<Escalation> worse(AlertKind kind, Map<String, Object> open, String message,
                                             Map<String, Object> incoming) {
        Map<String, Object> before = open == null ? Map.of() : open;
        return switch (kind) {
            case RED_FLAG -> redFlag(before, incoming);
            case PERIPHERALISATION -> peripheralisation(before, message, incoming);
            case PLAN_AUTO_ADJUSTED -> "REGRESS".equals(incoming.get("action"))
                    ? Optional.of(new Escalation(message, incoming)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The check-in's positive answers that the alert did not have yet; the alert then lists all of them. */
    private static Optional<Escalation> redFlag(Map<String, Object> open, Map<String, Object> incoming) {
        List<String> known = strings(open.get("positive"));
        List<String> now = strings(incoming.get("positive"));
        List<String> added = now.stream().filter(f -> !known.contains(f)).distinct().toList();
        if (added.isEmpty()) {
            return Optional.empty();
        }
        List<String> all = new ArrayList<>(known);
        all.addAll(added);
        Map<String, Object> details = new LinkedHashMap<>(incoming);
        details.put("positive", all);
        details.put("newlyPositive", added);
        return Optional.of(new Escalation("Red-flag symptoms reported: " + String.join(", ", all) + " (new: "
                + String.join(", ", added) + "). Contact the patient today.", details));
    }

    /** Further down the leg than the alert recorded (an alert without a readable extent counts as milder). */
    private static Optional<Escalation> peripheralisation(Map<String, Object> open, String message,
                                                         Map<String, Object> incoming) {
        SymptomExtent now = extent(incoming.get("symptomExtent"));
        if (now == null) {
            return Optional.empty();
        }
        SymptomExtent recorded = extent(open.get("symptomExtent"));
        if (recorded != null && now.ordinal() <= recorded.ordinal()) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>(incoming);
        if (recorded != null) {
            details.put("previousSymptomExtent", recorded.name());
        }
        return Optional.of(new Escalation(message, details));
    }

    private static SymptomExtent extent(Object value) {
        if (value instanceof String s) {
            try {
                return SymptomExtent.valueOf(s);
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }
        return null;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
