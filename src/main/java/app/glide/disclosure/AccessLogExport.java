package app.glide.disclosure;

import app.glide.export.ExportPart;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The access log's file in the patient's data export: every record up to the export, oldest first. */
@ApplicationScoped
public class AccessLogExport implements ExportPart {

    /** The file's content. */
    public record AccessLogFile(UUID patientId, Instant asOf, List<AccessRecord> records) {
    }

    @Inject
    AccessLogQueries log;

    @Inject
    ObjectMapper json;

    @Override
    public String fileName() {
        return "access-log.json";
    }

    @Override
    public Set<String> tables() {
        return Set.of("patient_access");
    }

    @Override
    public void write(UUID patientId, Instant asOf, OutputStream out) throws IOException {
        // The stream is the export's (a ZIP entry): written to, never closed here.
        json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, new AccessLogFile(patientId, asOf, log.upTo(patientId, asOf)));
    }
}
