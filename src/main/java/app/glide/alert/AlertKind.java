package app.glide.alert;

/** Why a therapist should look at a patient, with how urgent it is. */
public enum AlertKind {
    RED_FLAG(Severity.URGENT),
    PAIN_RISING(Severity.HIGH),
    WORSE_NEXT_MORNING(Severity.HIGH),
    PERIPHERALISATION(Severity.HIGH),
    LOW_ADHERENCE(Severity.NORMAL),
    NO_ACTIVITY(Severity.NORMAL),
    FLARE_UP(Severity.HIGH),
    /** Not a warning: AUTO mode changed the plan; the care team should know. */
    PLAN_AUTO_ADJUSTED(Severity.NORMAL),
    /** An outcome measure is meaningfully worse than the patient's baseline. */
    OUTCOME_WORSENED(Severity.HIGH),
    /** STarT Back put the patient at high risk at evaluation: stratified care suggests a plan. */
    HIGH_RISK_START_BACK(Severity.HIGH),
    /** A patient's message mentions a red-flag symptom (message/RedFlagPhrases); they were asked to do the check-in. */
    RED_FLAG_MESSAGE(Severity.URGENT);

    public final Severity severity;

    AlertKind(Severity severity) {
        this.severity = severity;
    }

    public enum Severity {
        URGENT, HIGH, NORMAL
    }
}
