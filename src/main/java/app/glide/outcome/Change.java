package app.glide.outcome;

import java.math.BigDecimal;

/**
 * A score against the patient's baseline: {@code difference = current - baseline}, whether its
 * size reaches the instrument's meaningful-change threshold, and which way it went for the
 * patient (for disability and pain lower is better; for PSFS higher is better). Plain Java.
 *
 * @param meaningful   {@code null} where the instrument has no published threshold (STarT Back:
 *                     compare risk groups instead)
 * @param meaningfulBy which rule made the change meaningful ({@link Rule#POINTS} when both did);
 *                     {@code null} when it is not meaningful
 */
public record Change(BigDecimal baseline, BigDecimal current, BigDecimal difference, BigDecimal threshold,
                     Boolean meaningful, Direction direction, Rule meaningfulBy) {

    public enum Direction { IMPROVED, WORSENED, UNCHANGED }

    /** {@code POINTS}: the size reaches the threshold; {@code PERCENT}: it reaches a share of the baseline. */
    public enum Rule { POINTS, PERCENT }

    /** @param threshold the smallest meaningful size of the difference, or {@code null} for none */
    static Change of(BigDecimal baseline, BigDecimal current, BigDecimal threshold, boolean lowerIsBetter) {
        return of(baseline, current, threshold, null, lowerIsBetter);
    }

    /**
     * @param relative a share of the baseline (0.30 for 30 %) whose size is meaningful too, when the
     *                 baseline is above 0; {@code null} for the points rule only
     */
    static Change of(BigDecimal baseline, BigDecimal current, BigDecimal threshold, BigDecimal relative,
                     boolean lowerIsBetter) {
        BigDecimal difference = current.subtract(baseline);
        int sign = difference.signum() * (lowerIsBetter ? -1 : 1);
        Direction direction = sign > 0 ? Direction.IMPROVED : sign < 0 ? Direction.WORSENED : Direction.UNCHANGED;
        if (threshold == null) {
            return new Change(baseline, current, difference, null, null, direction, null);
        }
        BigDecimal size = difference.abs();
        Rule by = size.compareTo(threshold) >= 0 ? Rule.POINTS
                : relative != null && baseline.signum() > 0 && size.signum() > 0
                        && size.compareTo(baseline.multiply(relative)) >= 0 ? Rule.PERCENT : null;
        return new Change(baseline, current, difference, threshold, by != null, direction, by);
    }
}
