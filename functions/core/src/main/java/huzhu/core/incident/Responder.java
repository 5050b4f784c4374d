package huzhu.core.incident;

import java.time.Instant;

/** Who took the incident; {@code expectedAt} is when they said they would be there (null: they did not say). */
public record Responder(String recipientId, String name, String phone, Instant acceptedAt, Instant arrivedAt,
        Instant expectedAt) {

    public Responder(String recipientId, String name, String phone, Instant acceptedAt, Instant arrivedAt) {
        this(recipientId, name, phone, acceptedAt, arrivedAt, null);
    }

    public Responder arrived(Instant at) {
        return new Responder(recipientId, name, phone, acceptedAt, at, expectedAt);
    }

    public Responder expected(Instant at) {
        return new Responder(recipientId, name, phone, acceptedAt, arrivedAt, at);
    }
}
