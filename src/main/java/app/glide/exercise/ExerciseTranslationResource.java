package app.glide.exercise;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.language.ClinicTranslations;
import app.glide.language.TranslationDtos.ExerciseTranslation;
import app.glide.language.TranslationDtos.ExerciseTranslationList;
import app.glide.language.TranslationDtos.ExerciseTranslationRequest;
import app.glide.language.TranslationDtos.Saved;
import app.glide.web.ApiProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Translations of an exercise (docs/languages.md): a clinic writes them for its own exercises;
 * the shipped library's come with our migrations (readable, 403 to write). Another clinic's
 * exercise is 404.
 */
@Path("/v1/exercises/{exerciseId}/translations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class ExerciseTranslationResource {

    @Inject
    Caller caller;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    ClinicTranslations translations;

    @GET
    public ExerciseTranslationList list(@PathParam("exerciseId") UUID exerciseId) {
        visible(exerciseId);
        return new ExerciseTranslationList(translations.exerciseTranslations(exerciseId));
    }

    @GET
    @Path("/{locale}")
    public ExerciseTranslation get(@PathParam("exerciseId") UUID exerciseId, @PathParam("locale") String locale) {
        String tag = ClinicTranslations.locale(locale);
        visible(exerciseId);
        return translations.exerciseTranslations(exerciseId).stream().filter(t -> t.locale().equalsIgnoreCase(tag))
                .findFirst().orElseThrow(() -> new ApiProblem(404, "not-found", "Not found",
                        "The exercise " + exerciseId + " has no translation in " + tag + "."));
    }

    @PUT
    @Path("/{locale}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("exerciseId") UUID exerciseId, @PathParam("locale") String locale,
                        @Valid @NotNull ExerciseTranslationRequest request) {
        String tag = ClinicTranslations.locale(locale);
        ExerciseCatalog.Entry e = own(exerciseId);
        Saved<ExerciseTranslation> saved = translations.putExercise(exerciseId, e.clinicId(), tag, request);
        return Response.status(saved.created() ? 201 : 200).entity(saved.translation()).build();
    }

    @DELETE
    @Path("/{locale}")
    public Response delete(@PathParam("exerciseId") UUID exerciseId, @PathParam("locale") String locale) {
        String tag = ClinicTranslations.locale(locale);
        ExerciseCatalog.Entry e = own(exerciseId);
        translations.deleteExercise(exerciseId, e.clinicId(), tag);
        return Response.noContent().build();
    }

    private ExerciseCatalog.Entry visible(UUID exerciseId) {
        return catalog.visible(exerciseId, caller.clinicId()).orElseThrow(() -> ApiProblem.notFound("exercise", exerciseId));
    }

    private ExerciseCatalog.Entry own(UUID exerciseId) {
        ExerciseCatalog.Entry e = visible(exerciseId);
        if (e.clinicId() == null) {
            throw ClinicTranslations.shipped("exercise library");
        }
        return e;
    }
}
