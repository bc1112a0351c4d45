package app.glide.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertEscalationTest {

    static Map<String, Object> flags(String... positive) {
        return Map.of("checkId", "c", "positive", List.of(positive));
    }

    static Map<String, Object> extent(String extent) {
        return Map.of("sessionId", "s", "symptomExtent", extent);
    }

    @Test
    void aNewRedFlagAnswerEscalatesAndTheAlertListsAllAnswers() {
        var e = AlertEscalation.worse(AlertKind.RED_FLAG, flags("worseningLegWeakness"), "m",
                flags("footDrop", "worseningLegWeakness")).orElseThrow();
        assertEquals(List.of("worseningLegWeakness", "footDrop"), e.details().get("positive"));
        assertEquals(List.of("footDrop"), e.details().get("newlyPositive"));
        assertTrue(e.message().contains("footDrop"), e.message());
        assertTrue(e.message().contains("worseningLegWeakness"), e.message());
    }

    @Test
    void theSameOrFewerRedFlagAnswersDoNotEscalate() {
        Map<String, Object> open = flags("footDrop", "saddleNumbness");
        assertFalse(AlertEscalation.worse(AlertKind.RED_FLAG, open, "m", flags("footDrop", "saddleNumbness")).isPresent());
        assertFalse(AlertEscalation.worse(AlertKind.RED_FLAG, open, "m", flags("saddleNumbness")).isPresent());
        assertFalse(AlertEscalation.worse(AlertKind.RED_FLAG, open, "m", flags()).isPresent());
    }

    @Test
    void anAlertWithoutRecordedAnswersEscalatesOnAnyAnswer() {
        assertTrue(AlertEscalation.worse(AlertKind.RED_FLAG, Map.of(), "m", flags("footDrop")).isPresent());
        assertTrue(AlertEscalation.worse(AlertKind.RED_FLAG, null, "m", flags("footDrop")).isPresent());
    }

    @Test
    void symptomsFurtherDownTheLegEscalate() {
        var e = AlertEscalation.worse(AlertKind.PERIPHERALISATION, extent("BELOW_KNEE"), "now foot", extent("FOOT"))
                .orElseThrow();
        assertEquals("FOOT", e.details().get("symptomExtent"));
        assertEquals("BELOW_KNEE", e.details().get("previousSymptomExtent"));
        assertEquals("now foot", e.message());
    }

    @Test
    void theSameOrAMoreCentralExtentDoesNotEscalate() {
        assertFalse(AlertEscalation.worse(AlertKind.PERIPHERALISATION, extent("BELOW_KNEE"), "m", extent("BELOW_KNEE")).isPresent());
        assertFalse(AlertEscalation.worse(AlertKind.PERIPHERALISATION, extent("BELOW_KNEE"), "m", extent("THIGH")).isPresent());
        assertFalse(AlertEscalation.worse(AlertKind.PERIPHERALISATION, extent("FOOT"), "m", Map.of()).isPresent());
        assertFalse(AlertEscalation.worse(AlertKind.PERIPHERALISATION, extent("FOOT"), "m", extent("NOWHERE")).isPresent());
    }

    @Test
    void aNewAutomaticRegressionEscalatesAProgressionDoesNot() {
        assertTrue(AlertEscalation.worse(AlertKind.PLAN_AUTO_ADJUSTED, Map.of("action", "PROGRESS"), "m",
                Map.of("revision", 3, "action", "REGRESS")).isPresent());
        assertTrue(AlertEscalation.worse(AlertKind.PLAN_AUTO_ADJUSTED, Map.of("action", "REGRESS"), "m",
                Map.of("revision", 4, "action", "REGRESS")).isPresent());
        assertFalse(AlertEscalation.worse(AlertKind.PLAN_AUTO_ADJUSTED, Map.of("action", "REGRESS"), "m",
                Map.of("revision", 4, "action", "PROGRESS")).isPresent());
    }

    @Test
    void otherKindsNeverEscalate() {
        for (AlertKind kind : AlertKind.values()) {
            if (!AlertEscalation.canEscalate(kind)) {
                assertFalse(AlertEscalation.worse(kind, Map.of(), "m", Map.of("action", "REGRESS", "positive",
                        List.of("footDrop"), "symptomExtent", "FOOT")).isPresent(), kind.name());
            }
        }
    }
}
