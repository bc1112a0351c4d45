package app.glide.disclosure;

import app.glide.web.AccessedData;
import app.glide.web.PatientDataRead;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records a {@link PatientDataRead} resource method's successful call by staff: after the method
 * returned (so a refused or failed read, 401/403/404/4xx, records nothing), before the answer is
 * written ({@link AccessRecorder} queues the record; a full queue fails the read). A 304 records
 * too: the staff member is shown the copy their client already holds.
 */
@PatientDataRead(AccessedData.PLAN) // the value is @Nonbinding: this intercepts every PatientDataRead
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class PatientDataReadInterceptor {

    private static final String PATIENT_PARAM = "patientId";

    /** Per resource method: the position of its patientId path parameter. */
    private static final Map<Method, Integer> PATIENT_PARAM_AT = new ConcurrentHashMap<>();

    @Inject
    AccessRecorder recorder;

    @AroundInvoke
    Object around(InvocationContext ic) throws Exception {
        Object result = ic.proceed();
        if (!recorder.recorded() || result instanceof Response response && response.getStatus() >= 400) {
            return result;
        }
        Method method = ic.getMethod();
        PatientDataRead read = method.getAnnotation(PatientDataRead.class);
        if (read == null) {
            read = method.getDeclaringClass().getAnnotation(PatientDataRead.class);
        }
        UUID patientId = (UUID) ic.getParameters()[PATIENT_PARAM_AT.computeIfAbsent(method, PatientDataReadInterceptor::patientParam)];
        recorder.record(patientId, read.value());
        return result;
    }

    static int patientParam(Method method) {
        Annotation[][] params = method.getParameterAnnotations();
        for (int i = 0; i < params.length; i++) {
            for (Annotation a : params[i]) {
                if (a instanceof PathParam p && p.value().equals(PATIENT_PARAM) && method.getParameterTypes()[i] == UUID.class) {
                    return i;
                }
            }
        }
        throw new IllegalStateException(method + " is a @PatientDataRead without a UUID @PathParam(\"patientId\")");
    }
}
