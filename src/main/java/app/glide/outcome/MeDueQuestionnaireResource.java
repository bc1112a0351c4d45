package app.glide.outcome;

import app.glide.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The questionnaires due today for the calling patient, with or without an active plan (the
 * plan and today views carry the same list, but need a plan): a questionnaire due at evaluation
 * can be answered before the first plan exists.
 */
@Path("/v1/me/questionnaires/due")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PATIENT_NAME)
public class MeDueQuestionnaireResource {

    @Inject
    OutcomeDue due;

    public record DueQuestionnaireList(List<DueQuestionnaireView> items) {
    }

    @GET
    public DueQuestionnaireList due(@Context HttpHeaders headers) {
        return new DueQuestionnaireList(due.mine(InstrumentResource.language(headers)));
    }
}
