import app.glide.web.GzipJoin;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * CPU time and bytes of gzip-compressing one plan body, measured as this thread's CPU time
 * (other processes on a busy machine disturb it less than wall time). Run by
 * bench/compression.sh on a plan body, against the application's classes:
 *
 *   java -cp target/classes bench/GzipCost.java plan.json
 *
 * First the whole body at levels 1, 3, 6 and 9 with the JDK's zlib (what Netty's gzip
 * encoder does for every JSON body); then the plan's own path (docs/compression.md): the
 * body without its exercises compressed per request at level 1, each exercise compressed
 * once at level 6 and kept, joined into one gzip member ({@code GzipJoin}); and, for
 * comparison, the exercises array kept as one piece (what caching whole combinations of
 * exercises would give).
 */
public class GzipCost {

    public static void main(String[] args) throws Exception {
        byte[] in = Files.readAllBytes(Path.of(args[0]));
        byte[] out = new byte[in.length * 2 + 64];
        System.out.printf("body: %d bytes%n", in.length);
        for (int level : new int[] {1, 3, 6, 9}) {
            Deflater deflater = new Deflater(level, true);
            int[] size = new int[1];
            double us = cpuMicros(() -> {
                deflater.reset();
                deflater.setInput(in);
                deflater.finish();
                size[0] = deflater.deflate(out);
                new CRC32().update(in);
                return size[0];
            });
            deflater.end();
            System.out.printf("whole body, level %d: %d bytes gzip, %.0f us CPU per body (best of 7 rounds of 2000)%n",
                    level, size[0] + 18, us);
        }
        String json = new String(in, StandardCharsets.UTF_8);
        int open = json.indexOf("\"exercises\":[");
        if (open < 0) {
            return;
        }
        int start = open + "\"exercises\":[".length();
        List<String> exercises = elements(json, start);
        int end = start + exercises.stream().mapToInt(String::length).sum() + Math.max(0, exercises.size() - 1);
        byte[] head = json.substring(0, start).getBytes(StandardCharsets.UTF_8);
        byte[] tail = json.substring(end).getBytes(StandardCharsets.UTF_8);
        List<GzipJoin.Kept> each = new ArrayList<>();
        for (int i = 0; i < exercises.size(); i++) {
            each.add(GzipJoin.Kept.of(((i == 0 ? "" : ",") + exercises.get(i)).getBytes(StandardCharsets.UTF_8), 6));
        }
        GzipJoin.Kept all = GzipJoin.Kept.of(String.join(",", exercises).getBytes(StandardCharsets.UTF_8), 6);
        System.out.printf("exercises: %d of them, %d bytes; the rest %d bytes%n", exercises.size(),
                in.length - head.length - tail.length, head.length + tail.length);
        Deflater deflater = new Deflater(1, true);
        report("exercises kept one by one (level 6), the rest level 1", deflater, head, tail, each, in);
        report("exercises kept as one piece (level 6), the rest level 1", deflater, head, tail, List.of(all), in);
        deflater.end();
    }

    private static void report(String what, Deflater deflater, byte[] head, byte[] tail, List<GzipJoin.Kept> kept,
                               byte[] whole) {
        int[] size = new int[1];
        double us = cpuMicros(() -> {
            GzipJoin join = new GzipJoin(deflater, whole.length / 3).fresh(head, 0, head.length);
            kept.forEach(join::kept);
            size[0] = join.fresh(tail, 0, tail.length).finish().length;
            return size[0];
        });
        System.out.printf("%s: %d bytes gzip, %.0f us CPU per body (best of 7 rounds of 2000)%n", what, size[0], us);
    }

    /** Best of 7 rounds of 2000 runs, in microseconds of this thread's CPU per run. */
    private static double cpuMicros(Supplier<Integer> run) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < 2000; i++) {
                run.get();
            }
            best = Math.min(best, (cpu.getCurrentThreadCpuTime() - t0) / 2000);
        }
        return best / 1000.0;
    }

    /** The top-level elements of the JSON array whose first element starts at {@code from}. */
    private static List<String> elements(String json, int from) {
        List<String> found = new ArrayList<>();
        int depth = 0;
        int begin = from;
        boolean inString = false;
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    if (i > begin) {
                        found.add(json.substring(begin, i));
                    }
                    return found;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                found.add(json.substring(begin, i));
                begin = i + 1;
            }
        }
        throw new IllegalArgumentException("unterminated exercises array");
    }
}
