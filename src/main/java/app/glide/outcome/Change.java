package app.glide.outcome;

import java.math.BigDecimal;

/**
 * A score against the patient's baseline: {@code difference = current - baseline}, whether its
 * size reaches the instrument's meaningful-change threshold, and which way it went for the
 * patient (for disability and pain lower is better; for PSFS higher is better). Plain Java.
 *
 * @param meaningful {@code null} where the instrument has no published threshold (STarT Back:
 *                   compare risk groups instead)
 */
public record Change(BigDecimal baseline, BigDecimal current, BigDecimal difference, BigDecimal threshold,
                     Boolean meaningful, Direction direction) {

    public enum Direction { IMPROVED, WORSENED, UNCHANGED }

    /** @param threshold the smallest meaningful size of the difference, or {@code null} for none */
    static Change of(BigDecimal baseline, BigDecimal current, BigDecimal threshold, boolean lowerIsBetter) {
        BigDecimal difference = current.subtract(baseline);
        int sign = difference.signum() * (lowerIsBetter ? -1 : 1);
        Direction direction = sign > 0 ? Direction.IMPROVED : sign < 0 ? Direction.WORSENED : Direction.UNCHANGED;
        Boolean meaningful = threshold == null ? null : difference.abs().compareTo(threshold) >= 0;
        return new Change(baseline, current, difference, threshold, meaningful, direction);
    }
}
