package app.glide.media;

import static app.glide.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The client's side of an upload: ask, PUT to the presigned URL over plain HTTP, confirm. */
final class Uploads {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    private Uploads() {
    }

    /** The answer to POST /v1/media (201). */
    static JsonPath ask(String token, String contentType, byte[] file, UUID patientId) {
        return ask(token, contentType, file.length, SampleMedia.sha256(file), patientId);
    }

    static JsonPath ask(String token, String contentType, long bytes, String sha256, UUID patientId) {
        Map<String, Object> body = new HashMap<>();
        body.put("contentType", contentType);
        body.put("bytes", bytes);
        body.put("sha256", sha256);
        body.put("filename", "clip");
        if (patientId != null) {
            body.put("patientId", patientId.toString());
        }
        return as(token).body(body).post("/v1/media").then().statusCode(201).extract().jsonPath();
    }

    /** PUTs {@code bytes} to the ticket's URL with its headers (Content-Length is the body's own); the store's status. */
    static int put(JsonPath ticket, byte[] bytes) {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.getString("upload.url")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        Map<String, String> headers = ticket.getMap("upload.headers");
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Length")) {
                put.header(k, v);
            }
        });
        try {
            return HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<byte[]> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ask, upload and confirm; the media id. */
    static String complete(String token, String contentType, byte[] file, UUID patientId) {
        JsonPath ticket = ask(token, contentType, file, patientId);
        assertEquals(200, put(ticket, file), "the store takes the presigned upload");
        String id = ticket.getString("media.id");
        as(token).post("/v1/media/" + id + "/complete").then().statusCode(200);
        return id;
    }
}
