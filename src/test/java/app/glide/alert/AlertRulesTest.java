package app.glide.alert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.symptom.SymptomChange;
import app.glide.symptom.SymptomExtent;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    static final AlertRules.Thresholds T = AlertRules.Thresholds.DEFAULTS;
    static final LocalDate D = LocalDate.of(2026, 11, 20);

    @Test
    void painRisingNeedsTwoPointsOverTheBaseline() {
        assertTrue(AlertRules.painRising(5.0, 3.0, T));
        assertFalse(AlertRules.painRising(4.9, 3.0, T));
        assertFalse(AlertRules.painRising(null, 3.0, T));
        assertTrue(AlertRules.painRising(4.0, 3.0, new AlertRules.Thresholds(1.0, 2, 50, 3)));
    }

    @Test
    void worseMorningsInARow() {
        assertTrue(AlertRules.worseMornings(List.of("WORSE", "WORSE", "BETTER"), T));
        assertFalse(AlertRules.worseMornings(List.of("WORSE", "SAME", "WORSE"), T));
        assertFalse(AlertRules.worseMornings(List.of("WORSE"), T));
    }

    @Test
    void lowAdherenceOnlyAfterAFullWeek() {
        assertTrue(AlertRules.lowAdherence(0.49, D.minusDays(7), D, T));
        assertFalse(AlertRules.lowAdherence(0.50, D.minusDays(7), D, T));
        assertFalse(AlertRules.lowAdherence(0.10, D.minusDays(6), D, T));
        assertFalse(AlertRules.lowAdherence(null, D.minusDays(30), D, T));
    }

    @Test
    void inactivityAfterThreeDays() {
        assertTrue(AlertRules.inactive(D.minusDays(3), D, T));
        assertFalse(AlertRules.inactive(D.minusDays(2), D, T));
    }

    @Test
    void symptomsSpreadingDownTheLegArePeripheralising() {
        assertTrue(SymptomExtent.BELOW_KNEE.comparedWith(SymptomExtent.THIGH) == SymptomChange.PERIPHERALISING);
        assertTrue(SymptomExtent.BUTTOCK.comparedWith(SymptomExtent.FOOT) == SymptomChange.CENTRALISING);
        assertTrue(SymptomExtent.THIGH.comparedWith(SymptomExtent.THIGH) == SymptomChange.UNCHANGED);
        assertTrue(SymptomExtent.THIGH.comparedWith(null) == null);
    }
}
