package app.glide.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmergencyNumbersTest {

    @Test
    void oneNumberPerCountryWith112AsTheDefault() {
        assertEquals("911", EmergencyNumbers.effective(null, "US"));
        assertEquals("911", EmergencyNumbers.effective(null, "CA"));
        assertEquals("999", EmergencyNumbers.effective(null, "GB"));
        assertEquals("000", EmergencyNumbers.effective(null, "AU"));
        assertEquals("111", EmergencyNumbers.effective(null, "NZ"));
        assertEquals("112", EmergencyNumbers.effective(null, "IN"));
        assertEquals("112", EmergencyNumbers.effective(null, "DE"));
        assertEquals("112", EmergencyNumbers.effective(null, "CH"));
        assertEquals("112", EmergencyNumbers.effective(null, null));
    }

    @Test
    void theClinicsOverrideWins() {
        assertEquals("144", EmergencyNumbers.effective("144", "CH"));
        assertEquals("911", EmergencyNumbers.effective(" ", "US"));
    }

    @Test
    void countriesAreIsoAlpha2() {
        assertTrue(EmergencyNumbers.isCountry("DE"));
        assertFalse(EmergencyNumbers.isCountry("XX"));
        assertFalse(EmergencyNumbers.isCountry("de"));
        assertFalse(EmergencyNumbers.isCountry(null));
    }
}
