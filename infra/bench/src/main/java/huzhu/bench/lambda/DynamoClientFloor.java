package huzhu.bench.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import huzhu.aws.AwsClients;
import huzhu.aws.dynamo.DynamoStore;
import huzhu.core.kernel.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The floor under the hot functions' cold start: a function that does nothing but what the design fixes for every
 * one of them — the SDK's DynamoDB client, built as {@code DynamoStore.fromEnvironment} builds it (the shared
 * URLConnection client, region and credentials from the environment, the endpoint given) — and, when invoked, one
 * call of each kind the SMS path makes before its first alert: GetItem, Query, BatchGetItem, a conditional PutItem
 * and an UpdateItem. No huzhu service, no SMS, no secrets. {@code huzhu.bench.ColdStart --functions dynamo-floor}
 * runs it from the trigger function's jar like the functions themselves, so its classes and times stand beside
 * theirs; what a function loads above this is its own.
 */
public final class DynamoClientFloor implements RequestStreamHandler {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoClientFloor() {
        String endpoint = Text.strippedOrNull(System.getenv(DynamoStore.ENDPOINT_VARIABLE));
        dynamo = DynamoStore.clientBuilder(AwsClients.fromEnvironment(), endpoint == null ? null : URI.create(endpoint))
                .build();
        table = System.getenv("HUZHU_TABLE");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        String fresh = "FLOOR#" + System.nanoTime();
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(fresh), "sk", AttributeValue.fromS("ITEM"));
        dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(fresh))));
        dynamo.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().keys(List.of(key))
                .consistentRead(true).build())));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(fresh),
                "sk", AttributeValue.fromS("ITEM"), "n", AttributeValue.fromN("1")))
                .conditionExpression("attribute_not_exists(pk)"));
        dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET #n = #n + :one")
                .expressionAttributeNames(Map.of("#n", "n")).expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        output.write("{\"calls\":5}".getBytes(StandardCharsets.UTF_8));
    }
}
