package app.glide.outcome;

import app.glide.access.Role;
import app.glide.web.ApiProblem;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A clinic's licensed wording of an instrument per language (FHIR R4 Questionnaire), loaded by its admin. */
@Path("/v1/clinic/instruments/{instrumentId}/wordings/{language}")
@Produces(MediaType.APPLICATION_JSON)
public class ClinicWordingResource {

    static final String LANGUAGE = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$";

    @Inject
    OutcomeWordings wordings;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response load(@PathParam("instrumentId") String instrumentId,
                         @PathParam("language") @Pattern(regexp = LANGUAGE) String language,
                         @NotNull JsonNode questionnaire) {
        JsonTreeText.Problem text = JsonTreeText.problem(questionnaire);
        if (text != null) {
            // Before the transaction: a NUL would fail the insert (PostgreSQL 22P05), a lone surrogate be stored.
            throw ApiProblem.invalidField(text.field(), text.message());
        }
        OutcomeWordings.Loaded loaded = wordings.put(instrumentId, language, questionnaire);
        return Response.status(loaded.created() ? 201 : 200).entity(loaded.questionnaire()).build();
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.THERAPIST_NAME})
    public JsonNode get(@PathParam("instrumentId") String instrumentId,
                        @PathParam("language") @Pattern(regexp = LANGUAGE) String language) {
        return wordings.get(instrumentId, language);
    }
}
