package app.glide.fhir;

import app.glide.export.ExportPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** The whole FHIR bundle as {@code fhir/bundle.json} in a patient's data export. */
@ApplicationScoped
public class FhirExportPart implements ExportPart {

    @Inject
    FhirExport export;

    @Override
    public String fileName() {
        return "fhir/bundle.json";
    }

    @Override
    public Set<String> tables() {
        return new LinkedHashSet<>(FhirRows.TABLES);
    }

    @Override
    public void write(UUID patientId, Instant asOf, OutputStream out) throws IOException {
        export.write(patientId, null, asOf, out);
    }
}
