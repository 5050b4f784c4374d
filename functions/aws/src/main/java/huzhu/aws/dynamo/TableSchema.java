package huzhu.aws.dynamo;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The one table huzhu keeps everything in: key attributes, the four global secondary indexes and the TTL
 * attribute. functions/aws/README.md explains which item lives under which key and which index serves
 * which access pattern. Every key attribute is a string.
 */
public final class TableSchema {
    public static final String PK = "pk";
    public static final String SK = "sk";

    /** What an item is (MEMBER, PHONE_CLAIM, INCIDENT…), for people reading the table. */
    public static final String ITEM_TYPE = "itemType";

    /** Overloaded: volunteers by city, leaders by level, incidents by creation, follow-ups by due date. */
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";

    /** Overloaded: incidents and follow-ups by status. */
    public static final String GSI2 = "gsi2";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";

    /** Follow-ups by incident. */
    public static final String GSI3 = "gsi3";
    public static final String GSI3_PK = "gsi3pk";
    public static final String GSI3_SK = "gsi3sk";

    /** Sparse: only open or acknowledged incidents carry these attributes, sorted by escalation deadline. */
    public static final String ACTIVE = "active";
    public static final String ACTIVE_PK = "activePk";
    public static final String ACTIVE_SK = "activeSk";

    /** Epoch seconds after which DynamoDB's TTL may delete the item (idempotency records). */
    public static final String TTL = "expiresAt";

    private TableSchema() {
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        List<String> keyAttributes = List.of(PK, SK, GSI1_PK, GSI1_SK, GSI2_PK, GSI2_SK, GSI3_PK, GSI3_SK,
                ACTIVE_PK, ACTIVE_SK);
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(keyAttributes.stream()
                        .map(name -> AttributeDefinition.builder().attributeName(name)
                                .attributeType(ScalarAttributeType.S).build())
                        .toList())
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(
                        index(GSI1, GSI1_PK, GSI1_SK),
                        index(GSI2, GSI2_PK, GSI2_SK),
                        index(GSI3, GSI3_PK, GSI3_SK),
                        index(ACTIVE, ACTIVE_PK, ACTIVE_SK))
                .build();
    }

    private static GlobalSecondaryIndex index(String name, String pk, String sk) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(pk, KeyType.HASH), key(sk, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }
}
