package app.glide.plan;

import app.glide.access.Role;
import app.glide.language.ContentLanguage;
import app.glide.language.LanguageChoice;
import app.glide.language.ResponseLanguage;
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

    @Inject
    ResponseLanguage responseLanguage;

    @Inject
    PlanGzip gzip;

    @GET
    @Path("/plan")
    public Response plan(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        String language = language(accept);
        PlanHead head = reads.once(() -> plans.myHead(language, accept));
        PlanEtag etag = head.etag();
        // The texts follow Accept-Language (and the ETag names the language chosen): caches must key on it.
        if (etag.matchesAny(ifNoneMatch)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag.header()).header(HttpHeaders.VARY,
                    HttpHeaders.ACCEPT_LANGUAGE).build();
        }
        ContentLanguage texts = reads.once(() -> plans.language(head));
        PlanViews.PlanView body = reads.once(() -> plans.myPlan(head, texts));
        responseLanguage.set(texts);
        Response.ResponseBuilder ok;
        if (gzip.accepted(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING))) {
            // Compressed here, its exercises once for all patients (docs/compression.md).
            PlanGzip.Encoded encoded = gzip.encode(body);
            ok = Response.ok(encoded.bytes(), MediaType.APPLICATION_JSON_TYPE);
            if (encoded.gzip()) {
                gzip.markGzip(encoded);
            }
        } else {
            ok = Response.ok(body);
        }
        return ok.header(HttpHeaders.ETAG, etag.header()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @GET
    @Path("/today")
    public TodayPlan today(@Context HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        String language = language(accept);
        return reads.once(() -> plans.myToday(language, accept, responseLanguage::set));
    }

    /**
     * The phone's most preferred language (for the wording of due questionnaires), or null; a
     * malformed header is read as far as it makes sense ({@link LanguageChoice}), never an error.
     */
    static String language(String acceptLanguage) {
        return LanguageChoice.accepted(acceptLanguage).stream().findFirst().orElse(null);
    }
}
