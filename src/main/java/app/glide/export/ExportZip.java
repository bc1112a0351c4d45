package app.glide.export;

import app.glide.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one patient's export as a ZIP: {@code manifest.json}, the catalogue's files (one JSON
 * array per area) and every {@link ExportPart} bean's file. Runs inside the caller's
 * transaction, which ExportJob opens read-only at REPEATABLE READ so every file is a copy of
 * the same moment.
 */
@ApplicationScoped
public class ExportZip {

    @Inject
    Sql sql;

    @Inject
    @Any
    Instance<ExportPart> parts;

    /** The ZIP would exceed the configured bound. */
    public static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("the export is larger than " + limit + " bytes", null, false, false);
        }
    }

    /** Every table exported: the catalogue's and the parts'. */
    public Set<String> exportedTables() {
        Set<String> out = new TreeSet<>(ExportCatalogue.tables());
        parts.forEach(p -> out.addAll(p.tables()));
        return out;
    }

    public byte[] build(UUID exportId, UUID patientId, Instant asOf, long maxBytes) {
        Bounded buffer = new Bounded(maxBytes);
        List<String> files = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(buffer, StandardCharsets.UTF_8)) {
            for (ExportCatalogue.Area area : ExportCatalogue.AREAS) {
                String json = sql.first(area.sql(), rs -> rs.getString(1), patientId).orElse("[]");
                entry(zip, area.fileName(), json.getBytes(StandardCharsets.UTF_8));
                files.add(area.fileName());
            }
            Set<String> names = new LinkedHashSet<>(files);
            for (ExportPart part : parts) {
                if (!names.add(part.fileName())) {
                    throw new IllegalStateException("two export files named " + part.fileName());
                }
                zip.putNextEntry(new ZipEntry(part.fileName()));
                part.write(patientId, asOf, new FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the ZIP stays open for the next entry
                    }
                });
                zip.closeEntry();
                files.add(part.fileName());
            }
            entry(zip, "manifest.json", manifest(exportId, patientId, asOf, files));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] manifest(UUID exportId, UUID patientId, Instant asOf, List<String> files) {
        StringBuilder s = new StringBuilder("{\"exportId\":\"").append(exportId).append("\",\"patientId\":\"")
                .append(patientId).append("\",\"asOf\":\"").append(asOf).append("\",\"files\":[");
        for (int i = 0; i < files.size(); i++) {
            s.append(i == 0 ? "" : ",").append('"').append(files.get(i)).append('"');
        }
        return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An in-memory buffer that refuses to grow past the bound (memory per build stays bounded). */
    private static final class Bounded extends ByteArrayOutputStream {
        private final long limit;

        Bounded(long limit) {
            super(64 * 1024);
            this.limit = limit;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        private void check(int more) {
            if (count + (long) more > limit) {
                throw new TooLarge(limit);
            }
        }
    }
}
