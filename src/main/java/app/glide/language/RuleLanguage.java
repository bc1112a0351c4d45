package app.glide.language;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The shipped language ({@link RuleTexts}) of the sentences a rule says to a person: the
 * Accept-Language of the request being answered (when there is one), then the person's locale,
 * the clinic's default, English (one statement). Inside a request the response also gets
 * {@code Content-Language} for it.
 */
@ApplicationScoped
public class RuleLanguage {

    @Inject
    Translations translations;

    @Inject
    ResponseLanguage response;

    public String of(UUID userId) {
        return RuleTexts.language(content(userId).choice());
    }

    /** The same choice for content (education cards shown with a rule's sentence). */
    public ContentLanguage content(UUID userId) {
        boolean inRequest = Arc.container().requestContext().isActive();
        String accept = inRequest ? response.acceptLanguage() : null;
        ContentLanguage language = translations.forRequest(translations.context(userId, accept));
        if (inRequest) {
            language.usedForRuleTexts(RuleTexts.language(language.choice()));
            response.set(language);
        }
        return language;
    }
}
