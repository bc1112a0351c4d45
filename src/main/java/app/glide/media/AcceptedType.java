package app.glide.media;

import java.util.Arrays;
import java.util.Optional;

/** The media types the API accepts, by the content type a client declares and the bytes it uploads. Plain Java. */
public enum AcceptedType {
    MP4("video/mp4", Kind.VIDEO),
    JPEG("image/jpeg", Kind.IMAGE),
    PNG("image/png", Kind.IMAGE),
    WEBP("image/webp", Kind.IMAGE);

    /** Which slot of an exercise or card a media item fills. */
    public enum Kind {
        IMAGE, VIDEO
    }

    private final String contentType;
    private final Kind kind;

    AcceptedType(String contentType, Kind kind) {
        this.contentType = contentType;
        this.kind = kind;
    }

    public String contentType() {
        return contentType;
    }

    public Kind kind() {
        return kind;
    }

    /** The type for a declared content type (case-insensitive, parameters ignored), if accepted. */
    public static Optional<AcceptedType> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].strip();
        return Arrays.stream(values()).filter(t -> t.contentType.equalsIgnoreCase(bare)).findFirst();
    }
}
