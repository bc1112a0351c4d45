package app.glide.web;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One gzip member (RFC 1952) joined from parts, some compressed now and some compressed
 * once and kept: the technique of {@code pigz}. Each part is raw DEFLATE ending in a sync
 * flush (a byte boundary, no final block), and refers back only into its own bytes, so parts
 * compressed at different times can follow one another; an empty final block, the CRC-32 of
 * all the uncompressed bytes and their length close the member. Any gzip decoder reads the
 * result as one member (OkHttp, for one, refuses a body of several members).
 *
 * <p>Plain Java; not thread-safe (one per response).
 */
public final class GzipJoin {

    /** Magic, CM = deflate, no flags, no mtime, XFL 0, OS unknown. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** A final fixed-Huffman block holding only its end code: what zlib writes to finish after a sync flush. */
    private static final byte[] EMPTY_FINAL_BLOCK = {3, 0};

    /** Bytes compressed once and kept: raw DEFLATE ending in a sync flush, and the CRC-32 and length of what it stands for. */
    public record Kept(byte[] deflated, long crc, long length) {

        /** {@code raw} compressed on its own at {@code level}. */
        public static Kept of(byte[] raw, int level) {
            Deflater deflater = new Deflater(level, true);
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
                flushed(deflater, raw, 0, raw.length, out, new byte[4096]);
                CRC32 crc = new CRC32();
                crc.update(raw);
                return new Kept(out.toByteArray(), crc.getValue(), raw.length);
            } finally {
                deflater.end();
            }
        }
    }

    private final Deflater deflater;
    private final ByteArrayOutputStream out;
    private final CRC32 partCrc = new CRC32();
    private final byte[] buffer = new byte[8192];
    private long crc;
    private long size;

    /**
     * A member written into a buffer of {@code expectedBytes}; {@code deflater} compresses the
     * parts given now (raw DEFLATE: {@code new Deflater(level, true)}), reset before each.
     */
    public GzipJoin(Deflater deflater, int expectedBytes) {
        this.deflater = deflater;
        this.out = new ByteArrayOutputStream(Math.max(64, expectedBytes));
        out.writeBytes(HEADER);
    }

    /** Compresses {@code len} bytes of {@code b} from {@code off} now. */
    public GzipJoin fresh(byte[] b, int off, int len) {
        if (len > 0) {
            deflater.reset();
            flushed(deflater, b, off, len, out, buffer);
            partCrc.reset();
            partCrc.update(b, off, len);
            append(partCrc.getValue(), len);
        }
        return this;
    }

    /** Appends bytes compressed earlier. */
    public GzipJoin kept(Kept part) {
        out.writeBytes(part.deflated());
        append(part.crc(), part.length());
        return this;
    }

    private void append(long partCrc, long length) {
        crc = Crc32Combine.combine(crc, partCrc, length);
        size += length;
    }

    /** The member: what was added, then the final block, CRC-32 and length (both little-endian). */
    public byte[] finish() {
        out.writeBytes(EMPTY_FINAL_BLOCK);
        writeIntLe(crc);
        writeIntLe(size);
        return out.toByteArray();
    }

    private void writeIntLe(long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    private static void flushed(Deflater deflater, byte[] b, int off, int len, ByteArrayOutputStream out, byte[] buffer) {
        deflater.setInput(b, off, len);
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length); // a sync flush is complete when it leaves room
    }
}
