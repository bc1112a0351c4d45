package app.glide.web;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Resources whose writes concern one patient ({@code /v1/me/...} for the patient's app,
 * {@code /v1/patients/{patientId}/...} for staff): their non-GET requests pass the
 * per-patient bulkhead ({@link PatientWritesInterceptor}).
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PatientWrites {
}
