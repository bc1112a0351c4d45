package app.glide.alert;

import app.glide.outcome.Change;
import app.glide.outcome.Instruments;
import app.glide.outcome.OutcomeScored;
import app.glide.outcome.Psfs;
import app.glide.outcome.StartBack;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Alerts from outcome measures, observing {@link OutcomeScored} in the transaction that stored the
 * response (the alert commits or rolls back with it): {@link AlertKind#OUTCOME_WORSENED} when a
 * score is meaningfully worse than the baseline, {@link AlertKind#HIGH_RISK_START_BACK} when the
 * first (evaluation) STarT Back puts the patient at high risk, naming the plan template it suggests.
 */
@ApplicationScoped
public class OutcomeAlerts {

    /**
     * The shipped template for a high-risk patient. Stratified care (Hill et al., Lancet 2011) gives
     * high-risk patients psychologically informed physiotherapy: reassurance, graded activity and
     * confidence without provoking symptoms. None of the shipped templates is that; the closest is
     * acute-sciatica (gentle, frequent, low-load exercise, confidence building, slow progression),
     * to be combined with the clinic's psychologically informed approach.
     */
    public static final String HIGH_RISK_TEMPLATE = "acute-sciatica";

    @Inject
    AlertService alerts;

    void onOutcomeScored(@Observes OutcomeScored e) {
        String name = Instruments.definition(e.instrumentId()).name();
        if (e.meaningfullyWorse()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("responseId", e.responseId().toString());
            details.put("instrumentId", e.instrumentId());
            details.put("score", e.score());
            details.put("baselineScore", e.baselineScore());
            details.put("difference", e.change().difference());
            details.put("threshold", e.change().threshold());
            boolean byShare = e.change().meaningfulBy() == Change.Rule.PERCENT;
            if (byShare) {
                details.put("meaningfulBy", Change.Rule.PERCENT.name());
            }
            // PSFS compares only the activities named both times: its means alone would not show the change.
            boolean psfs = Psfs.ID.equals(e.instrumentId());
            alerts.raise(e.clinicId(), e.patientId(), AlertKind.OUTCOME_WORSENED, "outcome:" + e.responseId(),
                    name + " is meaningfully worse than at baseline: " + e.score().toPlainString() + " against "
                            + e.baselineScore().toPlainString() + (psfs ? " (mean over all activities named)" : "")
                            + "; a change of " + e.change().difference().abs().toPlainString()
                            + (psfs ? " over the activities named both times" : "") + " ("
                            + (byShare ? "30 % of the baseline" : e.change().threshold().toPlainString())
                            + " is meaningful).", details, false);
        }
        if (StartBack.ID.equals(e.instrumentId()) && e.baseline() && StartBack.Risk.HIGH.name().equals(e.band())) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("responseId", e.responseId().toString());
            details.put("score", e.score());
            details.put("riskGroup", e.band());
            details.put("suggestedTemplate", HIGH_RISK_TEMPLATE);
            alerts.raise(e.clinicId(), e.patientId(), AlertKind.HIGH_RISK_START_BACK, "outcome:" + e.responseId(),
                    "STarT Back at evaluation: high risk (total " + e.score().toPlainString() + "). Consider"
                            + " psychologically informed care and the plan template '" + HIGH_RISK_TEMPLATE
                            + "' (gentle, low-load exercise that builds confidence).", details, false);
        }
    }
}
