package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.error.DependencyFailure;
import huzhu.core.kernel.AlreadyExists;
import huzhu.core.kernel.StaleWrite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The few DynamoDB calls the store makes, on one table. Reads by key are strongly consistent. A failed
 * condition is an answer ({@code false}), any other SDK failure a {@link DependencyFailure}. Messages
 * never carry key values: keys contain phone numbers.
 */
final class Table {
    /** BatchGetItem takes at most this many keys per call. */
    private static final int BATCH_GET_LIMIT = 100;
    private static final Pattern NAME = Pattern.compile("#(\\w+)");

    private final DynamoDbClient client;
    private final String name;

    Table(DynamoDbClient client, String name) {
        this.client = client;
        this.name = name;
    }

    String name() {
        return name;
    }

    DynamoDbClient client() {
        return client;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, Items.s(pk), SK, Items.s(sk));
    }

    Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var response = call("GetItem",
                () -> client.getItem(b -> b.tableName(name).key(key(pk, sk)).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    void put(Map<String, AttributeValue> item) {
        call("PutItem", () -> client.putItem(b -> b.tableName(name).item(item)));
    }

    /** Writes the item if {@code condition} holds; {@code #word} in it stands for the attribute {@code word}. */
    boolean put(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        try {
            call("PutItem", () -> client.putItem(b -> b.tableName(name).item(item).conditionExpression(condition)
                    .expressionAttributeNames(names(condition)).expressionAttributeValues(orNull(values))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Writes an item whose key no item has yet; false if one has. */
    boolean putNew(Map<String, AttributeValue> item) {
        return put(item, "attribute_not_exists(#pk)", Map.of());
    }

    /** Writes {@code version} of an item over the stored {@code version - 1}; false if another version is stored. */
    boolean putOver(Map<String, AttributeValue> item, long version) {
        return put(item, "#version = :expected", Map.of(":expected", Items.n(version - 1)));
    }

    /** Writes a new item; one already under its key is the caller's bug (ids are drawn fresh), and is refused. */
    void insert(Map<String, AttributeValue> item, String what, String id) {
        if (!putNew(item)) throw new AlreadyExists(what, id);
    }

    /** Writes {@code version} of an item over {@code version - 1}; another version stored is a stale write. */
    void update(Map<String, AttributeValue> item, long version, String what, String id) {
        if (!putOver(item, version)) throw new StaleWrite(what, id);
    }

    /** Version 1 as a new item, any later version over the one before it; otherwise a stale write. */
    void save(Map<String, AttributeValue> item, long version, String what, String id) {
        boolean written = version == 1 ? putNew(item) : putOver(item, version);
        if (!written) throw new StaleWrite(what, id);
    }

    /**
     * UpdateItem with {@code update} if {@code condition} holds (null: always; {@code #word} stands for the attribute
     * {@code word} in both): the updated attributes' new values, or empty when the condition failed.
     */
    Optional<Map<String, AttributeValue>> update(String pk, String sk, String update, String condition,
            Map<String, AttributeValue> values) {
        try {
            var response = call("UpdateItem", () -> client.updateItem(b -> b.tableName(name).key(key(pk, sk))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(names(condition == null ? update : update + " " + condition)).expressionAttributeValues(orNull(values))
                    .returnValues(ReturnValue.UPDATED_NEW)));
            return Optional.of(response.attributes());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    void delete(String pk, String sk) {
        call("DeleteItem", () -> client.deleteItem(b -> b.tableName(name).key(key(pk, sk))));
    }

    /** Deletes the item if {@code condition} holds (false also when there was no item and the condition needs one). */
    boolean delete(String pk, String sk, String condition, Map<String, AttributeValue> values) {
        try {
            call("DeleteItem", () -> client.deleteItem(b -> b.tableName(name).key(key(pk, sk))
                    .conditionExpression(condition).expressionAttributeNames(names(condition))
                    .expressionAttributeValues(orNull(values))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Up to {@code max} items of one partition, in sort key order, following DynamoDB's pages.
     * {@code index} null queries the table itself, with strongly consistent reads.
     */
    List<Map<String, AttributeValue>> query(String index, String keyCondition, Map<String, AttributeValue> values,
            boolean ascending, int max) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(name)
                    .keyConditionExpression(keyCondition)
                    .expressionAttributeNames(names(keyCondition))
                    .expressionAttributeValues(values)
                    .scanIndexForward(ascending)
                    .exclusiveStartKey(start);
            if (index == null) request.consistentRead(true);
            else request.indexName(index);
            if (max != Integer.MAX_VALUE) request.limit(max - items.size());
            QueryResponse page = call("Query", () -> client.query(request.build()));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < max);
        return items;
    }

    /** The items with these keys that exist, in no particular order. */
    List<Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT));
            Map<String, KeysAndAttributes> pending =
                    Map.of(name, KeysAndAttributes.builder().keys(chunk).consistentRead(true).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response =
                        call("BatchGetItem", () -> client.batchGetItem(b -> b.requestItems(request)));
                items.addAll(response.responses().getOrDefault(name, List.of()));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!pending.isEmpty()) pause();
            }
        }
        return items;
    }

    /** Unprocessed keys mean DynamoDB is throttling: give it a moment before asking again. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyFailure("interrupted while DynamoDB was throttling", e);
        }
    }

    <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException e) {
            throw new DependencyFailure("DynamoDB " + operation + " on table " + name + " failed", e);
        }
    }

    private static Map<String, String> names(String expression) {
        Map<String, String> names = new LinkedHashMap<>();
        Matcher m = NAME.matcher(expression);
        while (m.find()) names.put(m.group(), m.group(1));
        return names.isEmpty() ? null : names;
    }

    private static Map<String, AttributeValue> orNull(Map<String, AttributeValue> values) {
        return values == null || values.isEmpty() ? null : values;
    }
}
