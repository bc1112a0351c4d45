package app.glide.therapist;

import app.glide.access.Role;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

@Path("/v1/therapists")
@Produces(MediaType.APPLICATION_JSON)
public class TherapistResource {

    @Inject
    TherapistService therapists;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response create(@Valid @NotNull CreateTherapistRequest request) {
        TherapistView created = TherapistView.of(therapists.create(request));
        return Response.created(URI.create("/v1/therapists/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.THERAPIST_NAME})
    public Page<TherapistView> list(@QueryParam("cursor") @Size(max = 512) String cursor,
                                    @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit,
                                    @QueryParam("active") Boolean active) {
        return therapists.list(cursor, limit, active);
    }

    @GET
    @Path("/{therapistId}")
    @RolesAllowed({Role.ADMIN_NAME, Role.THERAPIST_NAME})
    public TherapistView get(@PathParam("therapistId") UUID therapistId) {
        return TherapistView.of(therapists.get(therapistId));
    }

    @POST
    @Path("/{therapistId}/deactivate")
    @RolesAllowed(Role.ADMIN_NAME)
    public TherapistView deactivate(@PathParam("therapistId") UUID therapistId) {
        return TherapistView.of(therapists.deactivate(therapistId));
    }
}
