package app.glide.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One file of a patient's data export (issue 17, item 3), contributed by the feature that
 * owns the data: the export collects every CDI bean of this type, so it never has to know
 * the features (they depend on it, not the other way round).
 */
public interface ExportPart {

    /** The file's path inside the export's ZIP, for example {@code fhir/bundle.json}. */
    String fileName();

    /**
     * The tables whose rows about the patient this part writes: the export's completeness
     * check counts them as exported.
     */
    Set<String> tables();

    /**
     * Writes this part for one patient, inside the export's read-only transaction.
     *
     * @param patientId the patient whose data is exported
     * @param asOf      the moment of the export (what the file says it is a copy of)
     */
    void write(UUID patientId, Instant asOf, OutputStream out) throws IOException;
}
