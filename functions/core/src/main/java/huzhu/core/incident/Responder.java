package huzhu.core.incident;

import java.time.Instant;

public record Responder(String recipientId, String name, String phone, Instant acceptedAt, Instant arrivedAt) {
    public Responder arrived(Instant at) {
        return new Responder(recipientId, name, phone, acceptedAt, at);
    }
}
