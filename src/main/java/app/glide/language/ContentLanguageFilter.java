package app.glide.language;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * {@code Content-Language} (the languages of the texts in the body) and {@code Vary:
 * Accept-Language} on the successful responses of resources that answer in the caller's
 * language ({@link ResponseLanguage}). Problem details are English and carry neither.
 */
@Provider
public class ContentLanguageFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    ResponseLanguage response;

    @Override
    public void filter(ContainerRequestContext request) {
        response.acceptLanguage(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext out) {
        ContentLanguage language = response.get();
        if (language == null || out.getStatus() >= 300) {
            return;
        }
        out.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.header());
        String vary = out.getHeaderString(HttpHeaders.VARY);
        if (vary == null || vary.isBlank()) {
            out.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        } else if (!vary.toLowerCase(Locale.ROOT).contains("accept-language")) {
            out.getHeaders().putSingle(HttpHeaders.VARY, vary + ", " + HttpHeaders.ACCEPT_LANGUAGE);
        }
    }
}
