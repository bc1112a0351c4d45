package app.glide.education;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.language.ContentLanguage;
import app.glide.language.ResponseLanguage;
import app.glide.language.Translations;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import app.glide.education.EducationCatalog.CardView;
import app.glide.education.EducationService.CreateCard;
import app.glide.web.ApiProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The clinic's education cards: the shipped starter set plus its own. */
@Path("/v1/education-cards")
@Produces(MediaType.APPLICATION_JSON)
public class EducationResource {

    @Inject
    Caller caller;

    @Inject
    Translations translations;

    @Inject
    ResponseLanguage responseLanguage;

    @Inject
    EducationService cards;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.THERAPIST_NAME, Role.PATIENT_NAME})
    public List<CardView> list(@QueryParam("tag") @Size(max = 30) String tag,
                               @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ContentLanguage language = translations.forUser(acceptLanguage, caller.userId());
        List<CardView> list = cards.list(tag).stream().map(c -> EducationCatalog.in(c, language)).toList();
        responseLanguage.set(language);
        return list;
    }

    @GET
    @Path("/{cardId}")
    @RolesAllowed({Role.ADMIN_NAME, Role.THERAPIST_NAME, Role.PATIENT_NAME})
    public CardView get(@PathParam("cardId") UUID cardId, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        CardView card = cards.get(cardId).orElseThrow(() -> ApiProblem.notFound("education card", cardId));
        ContentLanguage language = translations.forUser(acceptLanguage, caller.userId());
        CardView view = EducationCatalog.in(card, language);
        responseLanguage.set(language);
        return view;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.THERAPIST_NAME})
    public Response create(@Valid @NotNull CreateCard r) {
        CardView created = cards.create(r);
        return Response.created(URI.create("/v1/education-cards/" + created.id())).entity(created).build();
    }
}
