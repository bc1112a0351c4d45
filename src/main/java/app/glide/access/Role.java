package app.glide.access;

/** Who a user is to the clinic. Role names are also the JWT {@code groups}. */
public enum Role {
    ADMIN, THERAPIST, PATIENT;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String THERAPIST_NAME = "THERAPIST";
    public static final String PATIENT_NAME = "PATIENT";
}
