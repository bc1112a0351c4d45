package app.glide.export;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.net.URI;

/** The two answers both export resources share: 202 with the export, and the ZIP. */
final class ExportResponses {

    static final String ZIP = "application/zip";

    private ExportResponses() {
    }

    static Response accepted(ExportView v, String location) {
        return Response.accepted(v).location(URI.create(location)).build();
    }

    /** Slices read per query while the ZIP is written. */
    static final int SLICE = 1 << 20;

    /**
     * The ZIP, streamed slice by slice from the row (V27 stores it uncompressed out of line, so
     * a slice reads only its own chunks): at most one slice per download in memory. An export
     * retired while it is being written ends the response early (the client sees fewer bytes
     * than Content-Length).
     */
    static Response zip(PatientExports.Download d, PatientExports exports) {
        StreamingOutput body = out -> {
            long offset = 0;
            while (offset < d.bytes()) {
                int len = (int) Math.min(SLICE, d.bytes() - offset);
                byte[] slice = exports.slice(d.id(), offset, len)
                        .filter(b -> b.length > 0)
                        .orElseThrow(() -> new IOException("export " + d.id() + " is no longer READY"));
                out.write(slice);
                offset += slice.length;
            }
        };
        return Response.ok(body, ZIP)
                .header("Content-Length", d.bytes())
                .header("Content-Disposition", "attachment; filename=\"glide-export-" + d.id() + ".zip\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
