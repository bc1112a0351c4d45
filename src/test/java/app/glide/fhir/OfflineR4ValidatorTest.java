package app.glide.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The validator finds real errors offline (so a clean result on the export means something). */
class OfflineR4ValidatorTest {

    @Test
    void aValidBundlePassesAndABrokenOneFails() {
        String ok = """
                {"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:9b1c7f7e-2f43-4d8e-9a57-0a1d3c9d6f10",
                 "resource":{"resourceType":"Patient","id":"9b1c7f7e-2f43-4d8e-9a57-0a1d3c9d6f10","active":true,"gender":"unknown"}}]}""";
        var okMessages = OfflineR4Validator.validate(ok);
        assertEquals(0, OfflineR4Validator.errors(okMessages).size(), OfflineR4Validator.describe(okMessages));
        String broken = ok.replace("\"gender\":\"unknown\"", "\"gender\":\"sometimes\"")
                .replace("\"type\":\"collection\"", "\"type\":\"collected\"");
        var bad = OfflineR4Validator.errors(OfflineR4Validator.validate(broken));
        assertTrue(bad.size() >= 2, OfflineR4Validator.describe(bad));
    }
}
