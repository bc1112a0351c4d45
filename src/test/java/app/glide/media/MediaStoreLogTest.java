package app.glide.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.web.ApiProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** A store failure is a 503 and one WARN line with the S3 status and error code, never the key or URL. */
class MediaStoreLogTest {

    final List<LogRecord> records = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(MediaStore.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(MediaStore.class.getName()).removeHandler(capture);
    }

    @Test
    void anS3RefusalIsLoggedWithStatusAndCodeOnly() {
        String key = "media/0b0e5f2c-0000-0000-0000-000000000001/secret-key";
        S3Exception refused = (S3Exception) S3Exception.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("Access Denied").build())
                .message("Access Denied for https://bucket.s3.amazonaws.com/" + key + "?X-Amz-Credential=AKIA123").build();
        ApiProblem p = MediaStore.unavailable("HEAD", refused);
        assertEquals(503, p.status());
        List<LogRecord> warns = records.stream().filter(r -> r.getLevel().intValue() == Level.WARNING.intValue()).toList();
        assertEquals(1, warns.size(), "one WARN line");
        String line = warns.get(0).getMessage();
        assertTrue(line.contains("HEAD") && line.contains("403") && line.contains("AccessDenied"), line);
        assertFalse(line.contains(key) || line.contains("http") || line.contains("AKIA") || line.contains("Access Denied for"), line);
        assertEquals(null, warns.get(0).getThrown(), "no stack trace (its message would carry the URL)");
    }

    @Test
    void anyOtherFailureIsLoggedByItsClass() {
        ApiProblem p = MediaStore.unavailable("GET", new IOException("reset reading https://store/media/k?sig=abc"));
        assertEquals(503, p.status());
        String line = records.get(records.size() - 1).getMessage();
        assertTrue(line.contains("java.io.IOException") && line.contains("GET"), line);
        assertFalse(line.contains("sig=") || line.contains("https://"), line);
    }
}
