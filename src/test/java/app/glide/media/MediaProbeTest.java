package app.glide.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The probe on small generated files: type by magic bytes, MP4 codec and duration, size and hash. */
class MediaProbeTest {

    static MediaProbe.Result probe(byte[] b) throws IOException {
        return MediaProbe.probe(new ByteArrayInputStream(b));
    }

    @Test
    void anH264Mp4IsAVideoWithTheMovieHeadersDuration() throws Exception {
        byte[] file = SampleMedia.mp4("avc1", 95, 5000, true);
        MediaProbe.Result r = probe(file);
        assertEquals(AcceptedType.MP4, r.type());
        assertEquals(95_000L, r.durationMs());
        assertEquals(file.length, r.bytes());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(file), r.sha256());
    }

    @Test
    void theMovieBoxMayComeAfterTheMediaData() throws Exception {
        byte[] file = SampleMedia.mp4("avc1", 12, 200_000, false);
        MediaProbe.Result r = probe(file);
        assertEquals(AcceptedType.MP4, r.type());
        assertEquals(12_000L, r.durationMs());
        assertEquals(file.length, r.bytes());
    }

    @Test
    void anMp4WithAnotherCodecIsNotAccepted() throws Exception {
        assertNull(probe(SampleMedia.mp4("hvc1", 10, 100, true)).type());
    }

    @Test
    void aTruncatedMp4IsNotAcceptedButStillCountedAndHashed() throws Exception {
        byte[] file = SampleMedia.mp4("avc1", 10, 100, false);
        byte[] cut = Arrays.copyOf(file, file.length - 40);
        MediaProbe.Result r = probe(cut);
        assertNull(r.type());
        assertEquals(cut.length, r.bytes());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(cut), r.sha256());
    }

    @Test
    void imagesAreKnownByTheirSignature() throws Exception {
        assertEquals(AcceptedType.PNG, probe(SampleMedia.png(100)).type());
        assertEquals(AcceptedType.JPEG, probe(SampleMedia.jpeg(100)).type());
        assertEquals(AcceptedType.WEBP, probe(SampleMedia.webp(100)).type());
        assertNull(probe(SampleMedia.png(100)).durationMs());
    }

    @Test
    void anythingElseIsNoAcceptedType() throws Exception {
        assertNull(probe("GIF89a and some more bytes".getBytes()).type());
        assertNull(probe(new byte[0]).type());
        assertNull(probe(new byte[] {(byte) 0xFF, (byte) 0xD8}).type());
        assertEquals(0, probe(new byte[0]).bytes());
    }

    @Test
    void aVersionOneMovieHeaderIsRead() throws Exception {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(112);
        b.putInt(0x01000000).putLong(0).putLong(0).putInt(1000).putLong(601_000L);
        byte[] moov = SampleMedia.box("moov", SampleMedia.box("mvhd", b.array()),
                SampleMedia.box("trak", SampleMedia.box("mdia", SampleMedia.box("minf",
                        SampleMedia.box("stbl", SampleMedia.stsd("avc1"))))));
        byte[] file = concat(SampleMedia.box("ftyp", "isom0000".getBytes()), moov);
        MediaProbe.Result r = probe(file);
        assertEquals(AcceptedType.MP4, r.type());
        assertEquals(601_000L, r.durationMs());
    }

    /** A v1 movie header with a 64-bit duration. */
    static byte[] mp4V1(long timescale, long duration) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(112);
        b.putInt(0x01000000).putLong(0).putLong(0).putInt((int) timescale).putLong(duration);
        byte[] moov = SampleMedia.box("moov", SampleMedia.box("mvhd", b.array()),
                SampleMedia.box("trak", SampleMedia.box("mdia", SampleMedia.box("minf",
                        SampleMedia.box("stbl", SampleMedia.stsd("avc1"))))));
        return concat(SampleMedia.box("ftyp", "isom0000".getBytes()), moov);
    }

    @Test
    void aHugeVersionOneDurationThatWouldWrapToAFewMillisecondsIsTooLong() throws Exception {
        // 18446744073709552 * 1000 = 2^64 + 384: computed naively it wraps to 384 ms
        MediaProbe.Result r = probe(mp4V1(1, 18_446_744_073_709_552L));
        assertEquals(AcceptedType.MP4, r.type());
        assertEquals(MediaProbe.TOO_LONG, r.durationMs());
    }

    @Test
    void aHugeVersionOneDurationThatWouldWrapNegativeIsTooLong() throws Exception {
        // Long.MAX_VALUE / 600 * 1000 wraps negative when multiplied first
        assertEquals(MediaProbe.TOO_LONG, probe(mp4V1(1, Long.MAX_VALUE / 600)).durationMs());
        // the top bit set (unsigned > 2^63, or all ones for "unknown")
        assertEquals(MediaProbe.TOO_LONG, probe(mp4V1(1000, -1L)).durationMs());
        assertEquals(MediaProbe.TOO_LONG, probe(mp4V1(1000, Long.MIN_VALUE)).durationMs());
    }

    @Test
    void aLargeButRepresentableDurationIsDividedFirstAndExact() throws Exception {
        // duration * 1000 overflows, but duration / timescale * 1000 does not
        long timescale = 4_000_000_000L;
        long duration = Long.MAX_VALUE / 2;
        long expected = duration / timescale * 1000 + duration % timescale * 1000 / timescale;
        assertEquals(expected, probe(mp4V1(timescale, duration)).durationMs());
        assertEquals(1_500L, probe(mp4V1(timescale, 6_000_000_000L)).durationMs());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
