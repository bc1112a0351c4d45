package app.glide.exercise;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.language.ContentLanguage;
import app.glide.language.ResponseLanguage;
import app.glide.language.Translations;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
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

@Path("/v1/exercises")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class ExerciseResource {

    @Inject
    Caller caller;

    @Inject
    Translations translations;

    @Inject
    ResponseLanguage responseLanguage;

    @Inject
    ExerciseService exercises;

    @GET
    public Page<ExerciseView> list(@QueryParam("category") Category category,
                                   @QueryParam("q") @Size(max = 100) String q,
                                   @QueryParam("cursor") @Size(max = 512) String cursor,
                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageCursor.MAX_LIMIT) int limit,
                                   @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ContentLanguage language = translations.forUser(acceptLanguage, caller.userId());
        Page<ExerciseView> page = exercises.list(category, q, cursor, limit, language);
        responseLanguage.set(language);
        return page;
    }

    @GET
    @Path("/{exerciseId}")
    public ExerciseView get(@PathParam("exerciseId") UUID exerciseId,
                            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ContentLanguage language = translations.forUser(acceptLanguage, caller.userId());
        ExerciseView view = exercises.get(exerciseId, language);
        responseLanguage.set(language);
        return view;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull ExerciseDtos.CreateExercise request) {
        ExerciseView created = exercises.create(request);
        return Response.created(URI.create("/v1/exercises/" + created.id())).entity(created).build();
    }
}
