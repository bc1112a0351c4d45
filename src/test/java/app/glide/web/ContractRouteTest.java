package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContractRouteTest {

    @Test
    void yamlUnlessJsonIsAskedFor() {
        assertFalse(ContractRoute.wantsJson(null, null));
        assertFalse(ContractRoute.wantsJson(null, "*/*"));
        assertFalse(ContractRoute.wantsJson(null, "application/yaml"));
        assertFalse(ContractRoute.wantsJson(null, "application/yaml, application/json;q=0.5"));
        assertFalse(ContractRoute.wantsJson("yaml", "application/json"));
        assertTrue(ContractRoute.wantsJson(null, "application/json"));
        assertTrue(ContractRoute.wantsJson("json", null));
        assertTrue(ContractRoute.wantsJson("JSON", "application/yaml"));
    }
}
