package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class Crc32CombineTest {

    @Test
    void combiningTwoCrcsGivesTheCrcOfTheConcatenation() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            byte[] a = new byte[random.nextInt(round < 10 ? 3 : 20_000)];
            byte[] b = new byte[random.nextInt(round < 20 ? 3 : 20_000)];
            random.nextBytes(a);
            random.nextBytes(b);
            CRC32 whole = new CRC32();
            whole.update(a);
            whole.update(b);
            assertEquals(whole.getValue(), Crc32Combine.combine(crc(a), crc(b), b.length), "round " + round);
        }
    }

    @Test
    void theEmptySequenceChangesNothing() {
        byte[] a = {1, 2, 3};
        assertEquals(crc(a), Crc32Combine.combine(crc(a), 0, 0));
        assertEquals(crc(a), Crc32Combine.combine(0, crc(a), a.length));
    }

    private static long crc(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b);
        return crc.getValue();
    }
}
