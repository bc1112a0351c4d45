package app.glide.media;

import app.glide.testing.S3ProxyResource;

/** The tests' bucket name (testing/S3ProxyResource). */
final class S3Bucket {
    private S3Bucket() {
    }

    static String name() {
        return S3ProxyResource.BUCKET;
    }
}
