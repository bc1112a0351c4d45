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
    private String acceptLanguage;

    /** The request's Accept-Language header (set by {@link ContentLanguageFilter}), or null. */
    public String acceptLanguage() {
        return acceptLanguage;
    }

    void acceptLanguage(String header) {
        this.acceptLanguage = header;
    }

    public void set(ContentLanguage language) {
        this.language = language;
    }

    ContentLanguage get() {
        return language;
    }
}
