package app.glide.outcome;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scored response: the score, its band or risk group where the instrument has one
 * ({@code null} otherwise), any subscores (STarT Back's {@code "psychosocial"}; PSFS's rating per
 * activity name, in the patient's order), how many items
 * were answered, and the change against the baseline when one was given ({@code null} otherwise).
 * Plain Java.
 */
public record Score(String instrumentId, BigDecimal value, String band, Map<String, BigDecimal> subscores,
                    int answered, Change change) {

    public Score {
        subscores = Collections.unmodifiableMap(new LinkedHashMap<>(subscores)); // PSFS keeps the patient's order
    }

    Score withChange(Change c) {
        return new Score(instrumentId, value, band, subscores, answered, c);
    }
}
