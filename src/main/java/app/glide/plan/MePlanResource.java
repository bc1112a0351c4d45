package app.glide.plan;

import app.glide.access.Role;
import app.glide.plan.PlanViews.TodayPlan;
import app.glide.web.TransientReads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * The patient's own plan, for the mobile app. The hot path: one statement reads the plan
 * head (ETag); a 304 ends there, a 200 takes the parsed revision from {@link PlanRevisions}
 * (one more statement when it is not cached).
 */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PATIENT_NAME)
public class MePlanResource {

    @Inject
    MyPlanQueries plans;

    @Inject
    TransientReads reads;

    @GET
    @Path("/plan")
    public Response plan(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context HttpHeaders headers) {
        String language = language(headers);
        PlanHead head = reads.once(() -> plans.myHead(language));
        PlanEtag etag = head.etag();
        // The due questionnaires' wording follows Accept-Language: caches must key on it.
        if (etag.matchesAny(ifNoneMatch)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag.header()).header(HttpHeaders.VARY,
                    HttpHeaders.ACCEPT_LANGUAGE).build();
        }
        return Response.ok(reads.once(() -> plans.myPlan(head))).header(HttpHeaders.ETAG, etag.header())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @GET
    @Path("/today")
    public TodayPlan today(@Context HttpHeaders headers) {
        String language = language(headers);
        return reads.once(() -> plans.myToday(language));
    }

    /** The phone's most preferred language (for the wording of due questionnaires), or null. */
    static String language(HttpHeaders headers) {
        return headers.getAcceptableLanguages().stream().map(Locale::toLanguageTag)
                .filter(t -> !t.equals("*") && !t.equals("und")).findFirst().orElse(null);
    }
}
