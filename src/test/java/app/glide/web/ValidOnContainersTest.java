package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Valid;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code @Valid} belongs on a container's type argument ({@code List<@Valid Item>}), not on
 * the container: Hibernate Validator warns HV000271 at every start for the latter.
 */
class ValidOnContainersTest {

    @Test
    void noValidOnAContainer() throws IOException, URISyntaxException {
        Path root = Path.of(ApiProblem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("app/glide"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c;
                try {
                    c = Class.forName(name, false, getClass().getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                check(c, found);
            }
        }
        assertEquals(List.of(), found);
    }

    private static void check(Class<?> c, List<String> found) {
        try {
            for (Field f : c.getDeclaredFields()) {
                flag(f, f.getType(), c.getName() + "." + f.getName(), found);
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    flag(rc, rc.getType(), c.getName() + "#" + rc.getName(), found);
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                flag(m, m.getReturnType(), c.getName() + "." + m.getName() + "()", found);
                for (Parameter p : m.getParameters()) {
                    flag(p, p.getType(), c.getName() + "." + m.getName() + "(" + p.getName() + ")", found);
                }
            }
        } catch (LinkageError e) {
            // a class whose members cannot be resolved here declares no DTO
        }
    }

    private static void flag(AnnotatedElement e, Class<?> type, String where, List<String> found) {
        boolean container = Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || Optional.class.equals(type);
        if (container && e.isAnnotationPresent(Valid.class) && !found.contains(where)) {
            found.add(where);
        }
    }
}
