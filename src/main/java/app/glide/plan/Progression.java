package app.glide.plan;

import app.glide.exercise.DosageField;

/**
 * A dosage that rises by itself: {@code field} goes up by {@code increment} every
 * {@code everyDays} days until {@code cap}; after one period at the cap, when
 * {@code advanceChain} is set and the exercise has a harder step, the item moves to that
 * step and starts again from the item's starting value.
 */
public record Progression(DosageField field, int increment, int everyDays, int cap, boolean advanceChain) {
}
