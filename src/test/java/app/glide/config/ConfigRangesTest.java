package app.glide.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigRangesTest {

    @Test
    void valuesInRangePass() {
        ConfigRanges r = new ConfigRanges().check("a.level", 1, 1, 9).check("a.level2", 9, 1, 9)
                .atLeast("a.bytes", 1024, 1024).check("a.ratio", 0.0, 0, 1).check("a.ratio2", 1.0, 0, 1);
        assertEquals(List.of(), r.violations());
        assertDoesNotThrow(r::require);
    }

    @Test
    void everyValueOutOfRangeIsNamedAndRefusesTheStart() {
        ConfigRanges r = new ConfigRanges().check("glide.compression.level", 0, 1, 9).check("x.level", 10, 1, 9)
                .atLeast("glide.export.max-bytes", 1023, 1024).check("glide.tracing.sample-ratio", 1.5, 0, 1)
                .check("y.ratio", Double.NaN, 0, 1);
        assertEquals(List.of(
                "glide.compression.level is 0: it must be between 1 and 9",
                "x.level is 10: it must be between 1 and 9",
                "glide.export.max-bytes is 1023: it must be at least 1024",
                "glide.tracing.sample-ratio is 1.5: it must be between 0.0 and 1.0",
                "y.ratio is NaN: it must be between 0.0 and 1.0"), r.violations());
        IllegalStateException e = assertThrows(IllegalStateException.class, r::require);
        assertEquals("Cannot start: " + String.join("; ", r.violations()), e.getMessage());
    }
}
