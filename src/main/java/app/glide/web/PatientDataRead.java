package app.glide.web;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A staff resource method that reads one patient's health data: a successful call writes one
 * access record (who, which patient, {@link #value() what}, when, request id) through
 * disclosure/PatientDataReadInterceptor. The patient is the method's {@code patientId} path
 * parameter. Every GET under {@code /v1/patients/{patientId}/} carries it or is listed as exempt,
 * with the reason, in ArchitectureTest (docs/security.md "Access log").
 *
 * <p>The marker lives here, with the other resource markers, and not in disclosure/: the
 * features that carry it (patient, export, ...) are the ones disclosure/ depends on.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PatientDataRead {

    @Nonbinding
    AccessedData value();
}
