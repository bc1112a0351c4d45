package app.glide.plan;

import app.glide.education.EducationCatalog;
import app.glide.exercise.ExerciseCatalog;
import app.glide.language.ContentLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** {@link PlanViews.Assembler}s over the cached catalogs, one per clinic's library, for whoever answers a plan. */
@ApplicationScoped
public class PlanAssemblers {

    @Inject
    ExerciseCatalog catalog;

    @Inject
    EducationCatalog education;

    public PlanViews.Assembler forClinic(UUID clinicId) {
        return forClinic(clinicId, ContentLanguage.original());
    }

    /** For a view in a request's language (the patient's own plan and today). */
    public PlanViews.Assembler forClinic(UUID clinicId, ContentLanguage language) {
        return new PlanViews.Assembler(catalog, education, clinicId, language);
    }
}
