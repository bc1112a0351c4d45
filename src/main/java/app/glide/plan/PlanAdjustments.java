package app.glide.plan;

import app.glide.exercise.ExerciseCatalog;
import app.glide.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@link PlanAdjuster} against a clinic's library (names, default dosages, chains, the
 * clinic's step-back share). Deliberately <em>not</em> transactional and never throwing a
 * refusal: the answer is an {@link PlanAdjuster.Attempt}, so callers that carry on after a
 * refusal (a flare-up stepping back every item, AUTO mode, suggestions) cannot mark the
 * request's transaction rollback-only by catching one.
 */
@ApplicationScoped
public class PlanAdjustments {

    @Inject
    ExerciseCatalog catalog;

    @Inject
    Sql sql;

    public PlanAdjuster.Attempt attempt(PlanContent content, PlanAdjuster.Request request, UUID clinicId, LocalDate today) {
        int keep = sql.first("select dose_step_back_percent from clinic_settings where clinic_id = ?",
                rs -> rs.getInt(1), clinicId).orElse(PlanAdjuster.DEFAULT_STEP_BACK_PERCENT);
        return attempt(content, request, clinicId, today, keep);
    }

    /** As above, with the clinic's step-back share already read (callers trying many items). */
    public PlanAdjuster.Attempt attempt(PlanContent content, PlanAdjuster.Request request, UUID clinicId, LocalDate today,
                                        int keep) {
        return PlanAdjuster.attempt(content, request, today, catalog.chainFor(clinicId),
                id -> catalog.get(id).map(ExerciseCatalog.Entry::name).orElse(id.toString()),
                id -> catalog.get(id).map(ExerciseCatalog.Entry::defaultDosage).orElseThrow(),
                (a, b) -> catalog.get(a).map(ExerciseCatalog.Entry::dosageType)
                        .equals(catalog.get(b).map(ExerciseCatalog.Entry::dosageType)), keep);
    }
}
