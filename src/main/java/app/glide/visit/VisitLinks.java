package app.glide.visit;

import app.glide.db.Sql;
import app.glide.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * For the plan: the visit a plan revision may point to. One statement, inside the caller's
 * transaction; the refusal is thrown out of it uncaught (the revision is not written).
 */
@ApplicationScoped
public class VisitLinks {

    @Inject
    Sql sql;

    /**
     * Checks that {@code visitId} is a visit of the patient dated on or before {@code day} (the
     * revision's): else 422 {@code visit-not-linkable}, the same for a visit that does not exist
     * or belongs to someone else.
     */
    public void requireLinkable(UUID patientId, UUID visitId, LocalDate day) {
        LocalDate date = sql.first("select visit_date from visit where id = ? and patient_id = ?",
                rs -> rs.getObject(1, LocalDate.class), visitId, patientId).orElse(null);
        if (date == null) {
            throw refused("is not a visit of this patient");
        }
        if (date.isAfter(day)) {
            throw refused("is a visit on " + date + ", after this revision's day (" + day + ")");
        }
    }

    private static ApiProblem refused(String message) {
        return new ApiProblem(422, "visit-not-linkable", "Visit cannot be linked",
                "A plan revision can point only to a visit of the same patient on or before the revision's day.",
                List.of(new ApiProblem.FieldError("visitId", message)), null);
    }
}
