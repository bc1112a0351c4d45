package app.glide.language;

/** The text of an education card in one language (Markdown body); in a translation, a null field falls back. Plain Java. */
public record CardText(String title, String body) {
}
