package app.glide.visit;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import app.glide.web.VisibleTexts;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A free text of a visit that must say something: at least one visible character
 * ({@link VisitText}); null is left to {@code @NotNull}. Stricter than {@code @NotBlank},
 * which lets through a text of only no-break or zero-width spaces.
 */
@Documented
@Pattern(regexp = VisibleTexts.VISIBLE)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface VisibleText {

    String message() default VisibleTexts.VISIBLE_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
