package app.glide.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API9 (improper inventory) and API5 (function-level authorisation) of the OWASP API
 * Security Top 10, checked from the compiled code, not from a list kept by hand:
 * <ul>
 *   <li>every JAX-RS operation the service has is in openapi.yaml, and every operation in
 *       openapi.yaml exists (no shadow or zombie endpoints);</li>
 *   <li>every operation names who may call it ({@code @RolesAllowed} or {@code @PermitAll});
 *       the public ones are exactly the ones the contract declares {@code security: []},
 *       and those are only the ways in (login, enrolment, refresh, password reset).</li>
 * </ul>
 * Test-only resources live in the test sources and are not scanned.
 */
class EndpointInventoryTest {

    /** The operations that need no token: how a caller gets one. Anything else public is a finding. */
    private static final Set<String> PUBLIC_PREFIXES = Set.of("/v1/auth/");

    static Map<String, String> inCode = new TreeMap<>();   // "GET /v1/x" -> access ("public" or roles)
    static Map<String, String> inContract = new TreeMap<>(); // "GET /v1/x" -> "public" or "token"

    @BeforeAll
    static void read() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("app/glide"))) {
            names = files.map(f -> classes.relativize(f).toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
        ClassLoader loader = EndpointInventoryTest.class.getClassLoader();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, loader);
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = join(root.value(), sub == null ? "" : sub.value());
                inCode.put(verb + " " + path, access(type, m));
            }
        }
        JsonNode spec = new YAMLMapper().readTree(java.nio.file.Path.of("openapi.yaml").toFile());
        boolean secureByDefault = spec.path("security").size() > 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!Set.of("get", "put", "post", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                JsonNode security = op.getValue().get("security");
                boolean open = security != null ? security.isEmpty() : !secureByDefault;
                inContract.put(op.getKey().toUpperCase() + " " + template(p.getKey()), open ? "public" : "token");
            }
        }
    }

    @Test
    void everyOperationOfTheServiceIsInTheContractAndNothingElse() {
        assertTrue(inCode.size() > 40, "the scan found the resources: " + inCode.keySet());
        Set<String> undocumented = new TreeSet<>(inCode.keySet());
        undocumented.removeAll(inContract.keySet());
        Set<String> gone = new TreeSet<>(inContract.keySet());
        gone.removeAll(inCode.keySet());
        assertEquals(Set.of(), undocumented, "served but not in openapi.yaml");
        assertEquals(Set.of(), gone, "in openapi.yaml but not served");
    }

    @Test
    void everyOperationSaysWhoMayCallItAndOnlyTheWaysInArePublic() {
        List<String> unannotated = new ArrayList<>();
        Set<String> publicInCode = new TreeSet<>();
        inCode.forEach((op, access) -> {
            if (access.isEmpty()) {
                unannotated.add(op);
            } else if (access.equals("public")) {
                publicInCode.add(op);
            }
        });
        assertEquals(List.of(), unannotated, "operations without @RolesAllowed or @PermitAll");
        Set<String> publicInContract = new TreeSet<>();
        inContract.forEach((op, access) -> {
            if (access.equals("public")) {
                publicInContract.add(op);
            }
        });
        assertEquals(publicInContract, publicInCode, "public in the code exactly where the contract says security: []");
        for (String op : publicInCode) {
            String path = op.substring(op.indexOf(' ') + 1);
            assertTrue(PUBLIC_PREFIXES.stream().anyMatch(path::startsWith), op + " is public but is not a way in");
        }
        assertTrue(publicInCode.contains("POST /v1/auth/login"), "the scan sees the public operations: " + publicInCode);
    }

    private static String verb(Method m) {
        for (Class<? extends Annotation> v : List.of(GET.class, PUT.class, POST.class, PATCH.class, DELETE.class)) {
            if (m.isAnnotationPresent(v)) {
                return v.getAnnotation(HttpMethod.class).value();
            }
        }
        return null;
    }

    private static String access(Class<?> type, Method m) {
        if (m.isAnnotationPresent(PermitAll.class)) {
            return "public";
        }
        RolesAllowed roles = m.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = type.getAnnotation(RolesAllowed.class);
        }
        if (roles != null) {
            return String.join(",", new TreeSet<>(List.of(roles.value())));
        }
        return type.isAnnotationPresent(PermitAll.class) ? "public" : "";
    }

    private static String template(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        // Parameter names may differ between code and contract: only the shape is compared.
        path = template(path);
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
