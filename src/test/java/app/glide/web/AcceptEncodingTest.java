package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL | false",
        "'' | false",
        "gzip | true",
        "GZIP | true",
        "x-gzip | true",
        "gzip, deflate, br | true",
        "br;q=1.0, gzip;q=0.8, *;q=0.1 | true",
        "deflate | false",
        "identity | false",
        "* | true",
        "*;q=0 | false",
        "gzip;q=0 | false",
        "gzip;q=0, * | false",
        "gzip;q=0.0 , x-gzip | true",
        "gzip ; q=0.001 | true",
        "gzip;q=abc | false",
        "gzip;q= | false",
        "gzip;q=2 | false",
        "br, *;q=0.5 | true",
    })
    void gzipIsAcceptableOnlyWithAWeightAboveZero(String header, boolean expected) {
        assertEquals(expected, AcceptEncoding.allowsGzip(header), String.valueOf(header));
    }
}
