import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * CPU time of gzip-compressing one body at levels 1, 3, 6 and 9 with the JDK's zlib (what
 * Netty's gzip encoder uses), measured as this thread's CPU time, so that other processes on
 * a busy machine disturb it less than wall time. Run by bench/compression.sh on a plan body:
 *
 *   java bench/GzipCost.java plan.json
 */
public class GzipCost {
    public static void main(String[] args) throws Exception {
        byte[] in = Files.readAllBytes(Path.of(args[0]));
        byte[] out = new byte[in.length * 2 + 64];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.printf("body: %d bytes%n", in.length);
        for (int level : new int[] {1, 3, 6, 9}) {
            Deflater deflater = new Deflater(level, true);
            long best = Long.MAX_VALUE;
            int size = 0;
            for (int round = 0; round < 7; round++) {
                int n = 2000;
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    deflater.reset();
                    deflater.setInput(in);
                    deflater.finish();
                    size = deflater.deflate(out);
                    new CRC32().update(in);
                }
                best = Math.min(best, (cpu.getCurrentThreadCpuTime() - t0) / n);
            }
            deflater.end();
            System.out.printf("level %d: %d bytes gzip, %.0f us CPU per body (best of 7 rounds of 2000)%n",
                    level, size + 18, best / 1000.0);
        }
    }
}
