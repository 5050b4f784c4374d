package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;
import static huzhu.aws.dynamo.TableSchema.TTL;

import huzhu.core.error.DependencyFailure;
import huzhu.core.kernel.IdempotencyStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Idempotency records and rate-limit slots, one item each, expired by DynamoDB's TTL. */
final class Idempotency implements IdempotencyStore {
    private static final String LIVE_UNTIL = "liveUntil";
    private static final String COUNT = "n";
    private static final int ATTEMPTS = 5;

    private final Table table;

    Idempotency(Table table) {
        this.table = table;
    }

    /**
     * A record is live while {@code liveUntil} (exact, sortable) is after now; {@code expiresAt} (epoch
     * seconds, rounded up) lets DynamoDB's TTL delete it some time later.
     */
    @Override
    public Optional<String> remember(String key, String value, Instant expiresAt, Instant now) {
        String pk = Keys.IDEMPOTENCY.item(key);
        Map<String, AttributeValue> item = Items.writer()
                .s(PK, pk).s(SK, Keys.IDEMPOTENCY.sortKey()).s(ITEM_TYPE, Keys.IDEMPOTENCY.sortKey())
                .s("value", value)
                .s(LIVE_UNTIL, Keys.sortable(expiresAt))
                .n(TTL, ttlOf(expiresAt))
                .build();
        String nowKey = Keys.sortable(now);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (table.put(item, "attribute_not_exists(#pk) OR #liveUntil <= :now", Map.of(":now", Items.s(nowKey)))) {
                return Optional.empty();
            }
            Optional<Map<String, AttributeValue>> existing = table.get(pk, Keys.IDEMPOTENCY.sortKey())
                    .filter(e -> e.get(LIVE_UNTIL).s().compareTo(nowKey) > 0);
            if (existing.isPresent()) return Optional.of(existing.get().get("value").s());
            // it expired or was deleted between our write and our read: write again
        }
        throw new DependencyFailure("idempotency record kept changing", null);
    }

    /**
     * A live or missing counter is added to (a missing one started) in one UpdateItem; an expired one is written anew
     * (condition: still expired or missing), and if someone else wrote it first, added to after all.
     */
    @Override
    public long count(String key, long delta, Instant expiresAt, Instant now) {
        String pk = Keys.IDEMPOTENCY.item(key);
        String nowKey = Keys.sortable(now);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // a missing counter (a day's first SMS, an incident's first press) is started by the same write
            Optional<Map<String, AttributeValue>> added = table.update(pk, Keys.IDEMPOTENCY.sortKey(),
                    "ADD #" + COUNT + " :delta SET #" + LIVE_UNTIL + " = if_not_exists(#" + LIVE_UNTIL + ", :until), #" + TTL
                            + " = if_not_exists(#" + TTL + ", :ttl), #" + ITEM_TYPE + " = if_not_exists(#" + ITEM_TYPE
                            + ", :type)",
                    "attribute_not_exists(#pk) OR #liveUntil > :now",
                    Map.of(":delta", Items.n(delta), ":now", Items.s(nowKey), ":until", Items.s(Keys.sortable(expiresAt)),
                            ":ttl", Items.n(ttlOf(expiresAt)), ":type", Items.s(Keys.IDEMPOTENCY.sortKey())));
            if (added.isPresent()) return Long.parseLong(added.get().get(COUNT).n());
            Map<String, AttributeValue> item = Items.writer()
                    .s(PK, pk).s(SK, Keys.IDEMPOTENCY.sortKey()).s(ITEM_TYPE, Keys.IDEMPOTENCY.sortKey())
                    .n(COUNT, delta)
                    .s(LIVE_UNTIL, Keys.sortable(expiresAt))
                    .n(TTL, ttlOf(expiresAt))
                    .build();
            if (table.put(item, "attribute_not_exists(#pk) OR #liveUntil <= :now", Map.of(":now", Items.s(nowKey)))) {
                return delta;
            }
        }
        throw new DependencyFailure("counter kept changing", null);
    }

    @Override
    public Optional<String> recall(String key, Instant now) {
        String nowKey = Keys.sortable(now);
        return table.get(Keys.IDEMPOTENCY.item(key), Keys.IDEMPOTENCY.sortKey())
                .filter(e -> e.get(LIVE_UNTIL).s().compareTo(nowKey) > 0)
                .map(e -> e.get("value").s());
    }

    /** DynamoDB's TTL reads whole epoch seconds: rounded up, so it deletes a record only once it is surely dead. */
    private static long ttlOf(Instant expiresAt) {
        return expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0);
    }
}
