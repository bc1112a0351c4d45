package app.glide.education;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.language.ClinicTranslations;
import app.glide.language.TranslationDtos.CardTranslation;
import app.glide.language.TranslationDtos.CardTranslationList;
import app.glide.language.TranslationDtos.CardTranslationRequest;
import app.glide.language.TranslationDtos.Saved;
import app.glide.web.ApiProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Translations of an education card (docs/languages.md): a clinic writes them for its own
 * cards; the shipped cards' come with our migrations (readable, 403 to write). Another
 * clinic's card is 404.
 */
@Path("/v1/education-cards/{cardId}/translations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class CardTranslationResource {

    @Inject
    Caller caller;

    @Inject
    EducationCatalog catalog;

    @Inject
    ClinicTranslations translations;

    @GET
    public CardTranslationList list(@PathParam("cardId") UUID cardId) {
        visible(cardId);
        return new CardTranslationList(translations.cardTranslations(cardId));
    }

    @GET
    @Path("/{locale}")
    public CardTranslation get(@PathParam("cardId") UUID cardId, @PathParam("locale") String locale) {
        String tag = ClinicTranslations.locale(locale);
        visible(cardId);
        return translations.cardTranslations(cardId).stream().filter(t -> t.locale().equalsIgnoreCase(tag))
                .findFirst().orElseThrow(() -> new ApiProblem(404, "not-found", "Not found",
                        "The education card " + cardId + " has no translation in " + tag + "."));
    }

    @PUT
    @Path("/{locale}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("cardId") UUID cardId, @PathParam("locale") String locale,
                        @Valid @NotNull CardTranslationRequest request) {
        String tag = ClinicTranslations.locale(locale);
        own(cardId);
        Saved<CardTranslation> saved = translations.putCard(cardId, caller.clinicId(), tag, request);
        return Response.status(saved.created() ? 201 : 200).entity(saved.translation()).build();
    }

    @DELETE
    @Path("/{locale}")
    public Response delete(@PathParam("cardId") UUID cardId, @PathParam("locale") String locale) {
        String tag = ClinicTranslations.locale(locale);
        own(cardId);
        translations.deleteCard(cardId, caller.clinicId(), tag);
        return Response.noContent().build();
    }

    private EducationCatalog.CardView visible(UUID cardId) {
        return catalog.one(cardId, caller.clinicId()).orElseThrow(() -> ApiProblem.notFound("education card", cardId));
    }

    private void own(UUID cardId) {
        if (!visible(cardId).clinicOwned()) {
            throw ClinicTranslations.shipped("education cards");
        }
    }
}
