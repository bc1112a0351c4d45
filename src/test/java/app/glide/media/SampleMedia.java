package app.glide.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/** Small, structurally real media files for tests: MP4 boxes, JPEG/PNG/WebP signatures. */
final class SampleMedia {

    private SampleMedia() {
    }

    static byte[] box(String type, byte[]... children) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] c : children) {
            body.writeBytes(c);
        }
        ByteBuffer b = ByteBuffer.allocate(8 + body.size());
        b.putInt(8 + body.size()).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(body.toByteArray());
        return b.array();
    }

    static byte[] mvhd(long timescale, long duration) {
        ByteBuffer b = ByteBuffer.allocate(100);
        b.putInt(0); // version 0, flags
        b.putInt(0).putInt(0); // creation, modification
        b.putInt((int) timescale).putInt((int) duration);
        return box("mvhd", b.array());
    }

    static byte[] stsd(String sampleEntry) {
        ByteBuffer head = ByteBuffer.allocate(8).putInt(0).putInt(1);
        return box("stsd", head.array(), box(sampleEntry, new byte[78]));
    }

    /** An MP4 of {@code seconds} whose one track has sample entry {@code codec}; moov before or after mdat. */
    static byte[] mp4(String codec, long seconds, int mdatBytes, boolean moovFirst) {
        byte[] ftyp = box("ftyp", "isom".getBytes(StandardCharsets.ISO_8859_1), new byte[4],
                "isomavc1".getBytes(StandardCharsets.ISO_8859_1));
        byte[] moov = box("moov", mvhd(600, seconds * 600),
                box("trak", box("tkhd", new byte[84]),
                        box("mdia", box("mdhd", new byte[24]), box("minf", box("stbl", stsd(codec))))));
        byte[] payload = new byte[mdatBytes];
        new Random(seconds).nextBytes(payload);
        byte[] mdat = box("mdat", payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ftyp);
        out.writeBytes(moovFirst ? moov : mdat);
        out.writeBytes(moovFirst ? mdat : moov);
        return out.toByteArray();
    }

    static byte[] png(int bytes) {
        byte[] b = random(bytes, 7);
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(sig, 0, b, 0, sig.length);
        return b;
    }

    static byte[] jpeg(int bytes) {
        byte[] b = random(bytes, 8);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        return b;
    }

    static byte[] webp(int bytes) {
        byte[] b = random(bytes, 9);
        System.arraycopy("RIFF".getBytes(StandardCharsets.ISO_8859_1), 0, b, 0, 4);
        System.arraycopy("WEBP".getBytes(StandardCharsets.ISO_8859_1), 0, b, 8, 4);
        return b;
    }

    static byte[] random(int bytes, long seed) {
        byte[] b = new byte[bytes];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
