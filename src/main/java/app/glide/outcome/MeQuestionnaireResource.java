package app.glide.outcome;

import app.glide.access.Role;
import app.glide.web.ApiProblem;
import app.glide.web.PatientWrites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The patient's questionnaire responses, for the mobile app (submitted offline, replay-safe). */
@PatientWrites
@Path("/v1/me/questionnaire-responses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PATIENT_NAME)
public class MeQuestionnaireResource {

    private static final UUID NIL = new UUID(0, 0);

    @Inject
    QuestionnaireResponses responses;

    @PUT
    @Path("/{responseId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("responseId") UUID responseId,
                           @Valid @NotNull OutcomeDtos.ResponseRequest request) {
        if (NIL.equals(responseId)) {
            throw ApiProblem.invalidField("responseId", "must be a random UUID, not the nil UUID");
        }
        QuestionnaireResponses.Submitted s = responses.submit(responseId, request);
        return Response.status(s.created() ? 201 : 200).entity(s.view()).build();
    }

    @GET
    public OutcomeDtos.ResponseList mine() {
        return new OutcomeDtos.ResponseList(responses.mine());
    }
}
