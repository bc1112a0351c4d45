package app.glide.export;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The two answers both export resources share: 202 with the export, and the ZIP. */
final class ExportResponses {

    static final String ZIP = "application/zip";

    private ExportResponses() {
    }

    static Response accepted(ExportView v, String location) {
        return Response.accepted(v).location(URI.create(location)).build();
    }

    static Response zip(PatientExports.Download d) {
        return Response.ok(d.content(), ZIP)
                .header("Content-Disposition", "attachment; filename=\"glide-export-" + d.id() + ".zip\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
