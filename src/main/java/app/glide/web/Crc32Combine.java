package app.glide.web;

/**
 * The CRC-32 (the gzip polynomial) of two byte sequences one after the other, from the CRC of
 * each and the length of the second, without the bytes: zlib's {@code crc32_combine},
 * computed with powers of x modulo the CRC polynomial (a few hundred operations, whatever
 * the lengths). Plain Java.
 */
final class Crc32Combine {

    /** The CRC-32 polynomial, reflected. */
    private static final int POLY = 0xedb88320;
    /** x^(2^n) modulo the polynomial, for n = 0..31. */
    private static final int[] X2N = new int[32];

    static {
        int p = 1 << 30; // x^1
        X2N[0] = p;
        for (int n = 1; n < 32; n++) {
            p = multiply(p, p);
            X2N[n] = p;
        }
    }

    private Crc32Combine() {
    }

    /** The CRC-32 of A followed by B, given CRC(A), CRC(B) and B's length in bytes. */
    static long combine(long crcA, long crcB, long lengthB) {
        return (multiply(xToThe8n(lengthB), (int) crcA) ^ (int) crcB) & 0xffffffffL;
    }

    /** a times b modulo the polynomial (both reflected, x^0 in the top bit). */
    private static int multiply(int a, int b) {
        if (a == 0) {
            return 0;
        }
        int m = 1 << 31;
        int p = 0;
        while (true) {
            if ((a & m) != 0) {
                p ^= b;
                if ((a & (m - 1)) == 0) {
                    break;
                }
            }
            m >>>= 1;
            b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
        }
        return p;
    }

    /** x^(8 * bytes) modulo the polynomial: shifting a CRC over that many zero bytes. */
    private static int xToThe8n(long bytes) {
        int p = 1 << 31; // x^0
        int k = 3; // 8 = 2^3
        for (long n = bytes; n != 0; n >>>= 1, k++) {
            if ((n & 1) != 0) {
                p = multiply(X2N[k & 31], p);
            }
        }
        return p;
    }
}
