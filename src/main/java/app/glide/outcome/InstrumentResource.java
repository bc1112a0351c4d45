package app.glide.outcome;

import app.glide.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * The outcome-measure instruments: structure and scoring, with the texts of the caller's clinic's
 * wording in the language of {@code Accept-Language} (falling back to English, then the structure).
 */
@Path("/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PATIENT_NAME, Role.THERAPIST_NAME, Role.ADMIN_NAME})
public class InstrumentResource {

    @Inject
    OutcomeWordings wordings;

    public record InstrumentList(List<InstrumentView> items) {
    }

    @GET
    public InstrumentList list(@Context HttpHeaders headers) {
        return new InstrumentList(wordings.instruments(null, language(headers)));
    }

    @GET
    @Path("/{instrumentId}")
    public InstrumentView get(@PathParam("instrumentId") String instrumentId, @Context HttpHeaders headers) {
        return wordings.instruments(instrumentId, language(headers)).get(0);
    }

    /** The caller's most preferred language tag, or null for none. */
    static String language(HttpHeaders headers) {
        return headers.getAcceptableLanguages().stream().map(Locale::toLanguageTag)
                .filter(t -> !t.equals("*") && !t.equals("und")).findFirst().orElse(null);
    }
}
