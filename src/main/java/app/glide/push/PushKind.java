package app.glide.push;

import app.glide.language.RuleTexts;

/**
 * What a push announces, with its fixed, health-free title and body: the app fetches the rest
 * with the ids in the payload's data.
 */
public enum PushKind {
    MESSAGE("You have a new message", "Open Glide to read it.", "messageId"),
    PLAN_REVISED("Your plan was updated", "Open Glide to see your exercises.", "planId"),
    QUESTIONNAIRE_DUE("A questionnaire is waiting", "Open Glide to answer it.", "questionnaire"),
    NUDGE("Time for today's exercises", "Open Glide to start.", null),
    CARE_INSTRUCTION("A care instruction from your clinic", "Open Glide to read it.", "visitId");

    public final String title;
    public final String body;
    /** The data key under which the row's ref id goes; null: the kind has none. */
    public final String refKey;

    PushKind(String title, String body, String refKey) {
        this.title = title;
        this.body = body;
        this.refKey = refKey;
    }

    /** The title in a shipped language ({@link RuleTexts}: {@code push.<kind>.title}); English is {@link #title}. */
    public String title(String language) {
        return RuleTexts.text(language, "push." + name() + ".title");
    }

    public String body(String language) {
        return RuleTexts.text(language, "push." + name() + ".body");
    }
}
