package app.glide.template;

import app.glide.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

@Path("/v1/plan-templates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class TemplateResource {

    @Inject
    TemplateService templates;

    @GET
    public List<TemplateService.TemplateView> list() {
        return templates.list();
    }

    @GET
    @Path("/{templateId}")
    public TemplateService.TemplateView get(@PathParam("templateId") UUID templateId) {
        return templates.get(templateId);
    }
}
