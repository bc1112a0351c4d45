package app.glide.visit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a visit as stored ({@code visit_version.body}): checked and completed by
 * {@link VisitRules}, never changed once written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisitContent(VisitDtos.Kind kind, LocalDate visitDate, Findings findings, List<Intervention> interventions,
                           LocalDate nextVisitOn, String patientNote, String clinicalNote) {

    public List<Intervention> interventions() {
        return interventions == null ? List.of() : interventions;
    }
}
