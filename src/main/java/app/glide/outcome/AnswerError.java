package app.glide.outcome;

/**
 * What is wrong with one answer: the field (an item id such as {@code "odi-3"}, or
 * {@code "instrument"}, {@code "baseline"}, {@code "activities"}) and a message naming the item
 * and the accepted values. An API layer maps each to one per-field error of a 422. Plain Java.
 */
public record AnswerError(String field, String message) {
}
