package app.glide.language;

import jakarta.enterprise.context.RequestScoped;

/**
 * The language of the response being written, for {@link ContentLanguageFilter}: a resource
 * that answers in the caller's language hands its {@link ContentLanguage} here once the body
 * is built, and the response gets {@code Content-Language} and {@code Vary: Accept-Language}.
 */
@RequestScoped
public class ResponseLanguage {

    private ContentLanguage language;

    public void set(ContentLanguage language) {
        this.language = language;
    }

    ContentLanguage get() {
        return language;
    }
}
