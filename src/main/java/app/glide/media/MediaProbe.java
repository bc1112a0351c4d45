package app.glide.media;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What an uploaded object really is, read in one pass over its bytes: the size, the SHA-256,
 * the type by its magic bytes (JPEG, PNG, WebP, or an MP4 whose movie has an H.264 {@code avc1}
 * sample entry), and for an MP4 the duration from the movie header ({@code mvhd}). The MP4's
 * top-level boxes are walked, not searched: only the {@code moov} box is held in memory (at most
 * {@link #MAX_MOOV_BYTES}), everything else is hashed and skipped, so a 200 MB video costs a
 * 64 KB buffer. The declared content type is never trusted. Plain Java.
 */
public final class MediaProbe {

    /** A movie header larger than this is refused (a real one for a 10-minute clip is a few hundred KB). */
    static final int MAX_MOOV_BYTES = 8 * 1024 * 1024;

    /** {@code durationMs}: null when unknown, {@link #TOO_LONG} when it does not fit in a long (a crafted file). */
    public record Result(long bytes, byte[] sha256, AcceptedType type, Long durationMs) {
    }

    /** The duration of a movie header whose duration overflows: longer than any limit. */
    public static final long TOO_LONG = Long.MAX_VALUE;

    private MediaProbe() {
    }

    /** Reads {@code in} to its end. {@code type} is null when it is none of the accepted types. */
    public static Result probe(InputStream in) throws IOException {
        Reader r = new Reader(in);
        byte[] head = r.readUpTo(12);
        AcceptedType type = null;
        Long durationMs = null;
        if (isJpeg(head)) {
            type = AcceptedType.JPEG;
        } else if (isPng(head)) {
            type = AcceptedType.PNG;
        } else if (isWebp(head)) {
            type = AcceptedType.WEBP;
        } else if (head.length >= 8 && fourCc(head, 4).equals("ftyp")) {
            Movie movie;
            try {
                movie = walkMp4(r, head);
            } catch (EOFException truncated) {
                movie = null;
            }
            if (movie != null && movie.h264) {
                type = AcceptedType.MP4;
                durationMs = movie.durationMs;
            }
        }
        r.drain();
        return new Result(r.count, r.digest.digest(), type, durationMs);
    }

    static boolean isJpeg(byte[] h) {
        return h.length >= 3 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8 && (h[2] & 0xff) == 0xFF;
    }

    static boolean isPng(byte[] h) {
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (h.length < 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            if (h[i] != sig[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean isWebp(byte[] h) {
        return h.length >= 12 && fourCc(h, 0).equals("RIFF") && fourCc(h, 8).equals("WEBP");
    }

    private record Movie(boolean h264, Long durationMs) {
    }

    /** Walks the top-level boxes; {@code head} holds the first 12 bytes (inside the first box, ftyp). */
    private static Movie walkMp4(Reader r, byte[] head) throws IOException {
        long pos = head.length;
        long boxStart = 0;
        long size = Integer.toUnsignedLong(ByteBuffer.wrap(head, 0, 4).getInt());
        String type = fourCc(head, 4);
        Movie movie = null;
        while (true) {
            long headerLength = 8;
            if (size == 1) {
                if (boxStart == 0) {
                    return null;
                }
                size = ByteBuffer.wrap(r.readExactly(8)).getLong();
                pos += 8;
                headerLength = 16;
            }
            if (size == 0) {
                return movie; // the last box runs to the end of the file
            }
            long left = boxStart + size - pos;
            if (size < headerLength || left < 0) {
                return null;
            }
            if (type.equals("moov")) {
                if (size > MAX_MOOV_BYTES) {
                    return null;
                }
                movie = parseMoov(ByteBuffer.wrap(r.readExactly((int) left)));
            } else {
                r.skip(left);
            }
            pos = boxStart + size;
            boxStart = pos;
            byte[] next = r.readUpTo(8);
            if (next.length == 0) {
                return movie;
            }
            if (next.length < 8) {
                return null;
            }
            pos += 8;
            size = Integer.toUnsignedLong(ByteBuffer.wrap(next).getInt());
            type = fourCc(next, 4);
        }
    }

    /** The {@code moov} body: the duration from {@code mvhd}, and whether a track's sample entries include {@code avc1}. */
    private static Movie parseMoov(ByteBuffer moov) {
        Long duration = null;
        boolean h264 = false;
        for (ByteBuffer box : children(moov)) {
            String type = boxType(box);
            ByteBuffer body = body(box);
            if (type.equals("mvhd")) {
                duration = mvhdDurationMs(body);
            } else if (type.equals("trak")) {
                h264 |= hasAvc1(body, 0);
            }
        }
        return duration == null ? null : new Movie(h264, duration);
    }

    private static Long mvhdDurationMs(ByteBuffer b) {
        if (b.remaining() < 20) {
            return null;
        }
        boolean v1 = (b.get(b.position()) & 0xff) == 1;
        if (v1 && b.remaining() < 32) {
            return null;
        }
        int p = b.position() + 4;
        long timescale = Integer.toUnsignedLong(b.getInt(p + (v1 ? 16 : 8)));
        long duration = v1 ? b.getLong(p + 20) : Integer.toUnsignedLong(b.getInt(p + 12));
        if (timescale == 0) {
            return null;
        }
        // Divide first (duration * 1000 overflows for a crafted v1 duration); the top bit set (or
        // all ones, "unknown") or a result past a long is TOO_LONG. The rest < 2^32: * 1000 fits.
        if (duration < 0 || duration / timescale >= TOO_LONG / 1000) {
            return TOO_LONG;
        }
        return duration / timescale * 1000 + duration % timescale * 1000 / timescale;
    }

    /** Descends trak → mdia → minf → stbl → stsd and looks at the sample entries' types. */
    private static boolean hasAvc1(ByteBuffer container, int depth) {
        for (ByteBuffer box : children(container)) {
            String type = boxType(box);
            ByteBuffer body = body(box);
            switch (type) {
                case "mdia", "minf", "stbl" -> {
                    if (depth < 4 && hasAvc1(body, depth + 1)) {
                        return true;
                    }
                }
                case "stsd" -> {
                    if (body.remaining() >= 8) {
                        body.position(body.position() + 8); // version, flags, entry_count
                        for (ByteBuffer entry : children(body)) {
                            if (boxType(entry).equals("avc1")) {
                                return true;
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** The boxes inside {@code b} (32-bit sizes; a malformed one ends the list). */
    private static java.util.List<ByteBuffer> children(ByteBuffer b) {
        java.util.List<ByteBuffer> boxes = new java.util.ArrayList<>();
        int p = b.position();
        while (p + 8 <= b.limit()) {
            long size = Integer.toUnsignedLong(b.getInt(p));
            if (size < 8 || p + size > b.limit()) {
                break;
            }
            ByteBuffer box = b.duplicate();
            box.position(p).limit((int) (p + size));
            boxes.add(box.slice());
            p += (int) size;
        }
        return boxes;
    }

    private static String boxType(ByteBuffer box) {
        byte[] t = new byte[4];
        box.duplicate().position(4).get(t);
        return new String(t, StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer body(ByteBuffer box) {
        ByteBuffer b = box.duplicate();
        b.position(8);
        return b.slice();
    }

    private static String fourCc(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }

    /** Counts and hashes everything read, skipped or drained. */
    private static final class Reader {
        private final InputStream in;
        private final MessageDigest digest;
        private final byte[] buffer = new byte[64 * 1024];
        private long count;

        Reader(InputStream in) {
            this.in = in;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] readUpTo(int n) throws IOException {
            byte[] out = new byte[n];
            int got = 0;
            while (got < n) {
                int k = in.read(out, got, n - got);
                if (k < 0) {
                    break;
                }
                got += k;
            }
            digest.update(out, 0, got);
            count += got;
            return got == n ? out : java.util.Arrays.copyOf(out, got);
        }

        byte[] readExactly(int n) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(n, buffer.length));
            int left = n;
            while (left > 0) {
                int k = in.read(buffer, 0, Math.min(left, buffer.length));
                if (k < 0) {
                    throw new EOFException();
                }
                digest.update(buffer, 0, k);
                count += k;
                out.write(buffer, 0, k);
                left -= k;
            }
            return out.toByteArray();
        }

        void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                int k = in.read(buffer, 0, (int) Math.min(left, buffer.length));
                if (k < 0) {
                    return;
                }
                digest.update(buffer, 0, k);
                count += k;
                left -= k;
            }
        }

        void drain() throws IOException {
            skip(Long.MAX_VALUE);
        }
    }
}
