package app.glide.patient;

public enum PatientStatus {
    ACTIVE, DISCHARGED
}
