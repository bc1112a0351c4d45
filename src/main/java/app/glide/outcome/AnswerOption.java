package app.glide.outcome;

/**
 * One answer an item accepts: its code (what a response sends), the points it scores, and a
 * short text in our own words, or {@code null} where the wording is licensed (ODI, RMDQ,
 * STarT Back: a clinic loads its licensed text per instrument and language). Plain Java.
 */
public record AnswerOption(String code, int score, String text) {
}
