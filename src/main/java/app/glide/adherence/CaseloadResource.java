package app.glide.adherence;

import app.glide.access.Role;
import app.glide.db.ReadRouting;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import app.glide.web.TransientReads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/v1/caseload")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class CaseloadResource {

    @Inject
    TransientReads reads;

    @Inject
    CaseloadService caseload;

    @Inject
    ReadRouting routing;

    @GET
    public Page<CaseloadService.CaseloadEntry> attention(@QueryParam("cursor") @Size(max = 512) String cursor,
                                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit) {
        // Lag-tolerant: the replica when within glide.read-replica.max-lag (docs/operations.md "Read routing").
        return reads.once(() -> routing.lagTolerant(() -> caseload.attention(cursor, limit)));
    }
}
