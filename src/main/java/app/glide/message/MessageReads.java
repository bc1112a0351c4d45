package app.glide.message;

import app.glide.message.MessageDtos.ReadRequest;
import app.glide.web.ApiProblem;

/** A read marker request names exactly one of a message and a time. Plain Java. */
final class MessageReads {

    private MessageReads() {
    }

    static void check(ReadRequest r) {
        if ((r.messageId() == null) == (r.upTo() == null)) {
            throw ApiProblem.invalidField(r.messageId() == null ? "upTo" : "messageId",
                    "send exactly one of messageId and upTo");
        }
    }
}
