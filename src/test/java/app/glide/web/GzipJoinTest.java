package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** Parts compressed at different times join into one valid gzip member. Plain Java. */
class GzipJoinTest {

    @Test
    void partsCompressedNowAndEarlierReadBackAsOneMember() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(1 + random.nextInt(9), true);
            GzipJoin join = new GzipJoin(deflater, 100);
            int parts = random.nextInt(6);
            for (int i = 0; i < parts; i++) {
                byte[] b = sample(random, random.nextInt(i == 2 ? 70_000 : 3_000));
                if (random.nextBoolean()) {
                    join.kept(GzipJoin.Kept.of(b, Deflater.BEST_COMPRESSION));
                    expected.writeBytes(b);
                } else {
                    int off = b.length == 0 ? 0 : random.nextInt(b.length);
                    join.fresh(b, off, b.length - off);
                    expected.write(b, off, b.length - off);
                }
            }
            byte[] wire = join.finish();
            deflater.end();
            assertArrayEquals(expected.toByteArray(), singleMember(wire), "round " + round);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(wire))) {
                assertArrayEquals(expected.toByteArray(), in.readAllBytes(), "the JDK's gzip reader agrees");
            }
        }
    }

    @Test
    void aKeptPartRefersOnlyToItsOwnBytes() throws Exception {
        // The same text twice: compressed alone, the second copy cannot point back at the first.
        byte[] text = "{\"name\":\"Bird dog\",\"summary\":\"On hands and knees\"}".getBytes(StandardCharsets.UTF_8);
        GzipJoin.Kept kept = GzipJoin.Kept.of(text, 9);
        Deflater deflater = new Deflater(1, true);
        byte[] wire = new GzipJoin(deflater, 10).fresh(text, 0, text.length).kept(kept).kept(kept).finish();
        deflater.end();
        assertEquals(new String(text, StandardCharsets.UTF_8).repeat(3),
                new String(singleMember(wire), StandardCharsets.UTF_8));
    }

    /** Random bytes, or JSON-like text that compresses. */
    private static byte[] sample(Random random, int n) {
        byte[] b = new byte[n];
        if (random.nextBoolean()) {
            random.nextBytes(b);
        } else {
            String alphabet = "{\"exercise\":[1,2],\"sets\":3}";
            for (int i = 0; i < n; i++) {
                b[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
        }
        return b;
    }

    /**
     * Decodes exactly one gzip member and checks it ends the input: header, DEFLATE data up to
     * its final block, then CRC-32 and length, and nothing after (no second member).
     */
    static byte[] singleMember(byte[] wire) throws DataFormatException, IOException {
        assertTrue(wire.length >= 18 && (wire[0] & 0xff) == 0x1f && (wire[1] & 0xff) == 0x8b && wire[2] == 8,
                "gzip header");
        assertEquals(0, wire[3], "no optional header fields");
        Inflater inflater = new Inflater(true);
        inflater.setInput(wire, 10, wire.length - 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            assertFalse(n == 0 && inflater.needsInput(), "DEFLATE data ends before its final block");
            out.write(buffer, 0, n);
        }
        assertEquals(8, inflater.getRemaining(), "exactly the trailer after the final block");
        inflater.end();
        byte[] data = out.toByteArray();
        ByteBuffer trailer = ByteBuffer.wrap(wire, wire.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
        CRC32 crc = new CRC32();
        crc.update(data);
        assertEquals(crc.getValue(), trailer.getInt() & 0xffffffffL, "CRC-32");
        assertEquals(data.length, trailer.getInt(), "length");
        return data;
    }
}
