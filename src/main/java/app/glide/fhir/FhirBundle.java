package app.glide.fhir;

import java.util.Date;
import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** A collection bundle being filled: each resource once, under its {@code urn:uuid} full URL. */
final class FhirBundle {

    private final Bundle bundle = new Bundle();

    FhirBundle(String id, Instant asOf) {
        bundle.setId(id);
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(asOf));
    }

    void add(Resource resource) {
        bundle.addEntry().setFullUrl(FhirIds.fullUrl(resource.getIdPart())).setResource(resource);
    }

    Bundle bundle() {
        return bundle;
    }
}
