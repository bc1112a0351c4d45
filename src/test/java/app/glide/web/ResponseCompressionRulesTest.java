package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The header rules of {@link ResponseCompression}, without a server. */
class ResponseCompressionRulesTest {

    @Test
    void varyGainsAcceptEncodingOnce() {
        assertEquals("Accept-Encoding", ResponseCompression.withAcceptEncoding(List.of()));
        assertEquals("Accept-Language, Accept-Encoding", ResponseCompression.withAcceptEncoding(List.of("Accept-Language")));
        assertEquals("Accept-Language, accept-encoding",
                ResponseCompression.withAcceptEncoding(List.of("Accept-Language", "accept-encoding")));
        assertEquals("Origin, Accept-Language, Accept-Encoding",
                ResponseCompression.withAcceptEncoding(List.of("Origin, Accept-Language")));
        assertEquals("*", ResponseCompression.withAcceptEncoding(List.of("*")));
        assertEquals("Accept-Encoding, Accept-Language", ResponseCompression.withAcceptEncoding(List.of(" Accept-Encoding ,, Accept-Language")));
    }

    @Test
    void onlyPlainJsonAndFhirJsonAreCompressible() {
        assertTrue(ResponseCompression.isJson("application/json"));
        assertTrue(ResponseCompression.isJson("application/fhir+json;charset=UTF-8"));
        assertTrue(ResponseCompression.isJson("application/json;charset=UTF-8"));
        assertTrue(ResponseCompression.isJson("Application/JSON ; charset=utf-8"));
        assertFalse(ResponseCompression.isJson("application/problem+json"));
        assertFalse(ResponseCompression.isJson("text/plain"));
        assertFalse(ResponseCompression.isJson(null));
    }

    @Test
    void smallMeansAKnownLengthUnderTheThreshold() {
        assertTrue(ResponseCompression.isSmall("1023", 1024));
        assertFalse(ResponseCompression.isSmall("1024", 1024));
        assertFalse(ResponseCompression.isSmall(null, 1024));
        assertFalse(ResponseCompression.isSmall("lots", 1024));
        assertFalse(ResponseCompression.isSmall("0", 0));
    }
}
