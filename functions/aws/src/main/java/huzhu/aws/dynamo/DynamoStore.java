package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.TTL;

import huzhu.aws.AwsClients;
import huzhu.core.Store;
import huzhu.core.error.DependencyFailure;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The {@link Store} on one DynamoDB table, one class per aggregate, through the low-level client (no enhanced client: it reflects
 * over beans at cold start). The table design is in functions/aws/README.md; {@link TableSchema} creates it.
 * Nothing here does I/O until a method is called, so constructing it at init is free.
 */
public final class DynamoStore implements Store {
    public static final String TABLE_VARIABLE = "HUZHU_TABLE";
    public static final String ENDPOINT_VARIABLE = "HUZHU_DYNAMODB_ENDPOINT";

    private final Table table;
    private final Ports ports;

    public DynamoStore(DynamoDbClient client, String tableName) {
        this(client, tableName, Clock.systemUTC());
    }

    /** {@code clock} only dates phone claims (see {@link PersonRegistry}); the domain passes its own times. */
    public DynamoStore(DynamoDbClient client, String tableName, Clock clock) {
        this.table = new Table(client, tableName);
        TriggerTokens triggerTokens = new TriggerTokens(table);
        this.ports = new Ports(new Directory(table, clock, triggerTokens), triggerTokens, new Incidents(table),
                new Settings(table), new Idempotency(table), new AuditLog(table), new FollowUps(table),
                new Introductions(table), new Notices(table), new Applications(table), new Leases(table),
                new OptOuts(table), new CareRounds(table), new ContactRequests(table), new Guides(table),
                new Holdings(table), new Surges(table));
    }

    /** {@code HUZHU_TABLE} names the table; {@code HUZHU_DYNAMODB_ENDPOINT}, when set, points elsewhere than AWS. */
    public static DynamoStore fromEnvironment(AwsClients clients) {
        return fromEnvironment(clients, System.getenv());
    }

    static DynamoStore fromEnvironment(AwsClients clients, Map<String, String> env) {
        String tableName = env.get(TABLE_VARIABLE);
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalStateException(TABLE_VARIABLE + " must name the DynamoDB table");
        }
        String endpoint = env.get(ENDPOINT_VARIABLE);
        URI override = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint.trim());
        return new DynamoStore(clientBuilder(clients, override).build(), tableName.trim());
    }

    /**
     * The DynamoDB client every user of the table builds: {@code override} (null: the region's endpoint, see
     * {@link AwsClients#endpoint}) given as the endpoint even in AWS, so that building the client does not resolve
     * one through the SDK's endpoint rules, {@code AWS_ENDPOINT_URL*} variables and profile file (about 25 classes
     * of a cold start, and then the same client is built in Lambda as in the benchmarks and the local stack).
     * Account-based endpoints ({@code <account>.ddb.<region>.amazonaws.com}) need the account id among the
     * credentials, which Lambda's environment credentials never carry: said off rather than looked up.
     */
    public static DynamoDbClientBuilder clientBuilder(AwsClients clients, URI override) {
        return clients.configure(DynamoDbClient.builder(), clients.endpoint("dynamodb", override))
                .accountIdEndpointMode(AccountIdEndpointMode.DISABLED);
    }

    public String tableName() {
        return table.name();
    }

    // ---- the table itself

    /** Creates the table with its indexes (on demand) unless it exists, waits until it is usable, turns TTL on. */
    public void createTableIfMissing() {
        DynamoDbClient client = table.client();
        try {
            client.describeTable(b -> b.tableName(table.name()));
        } catch (ResourceNotFoundException missing) {
            try {
                client.createTable(TableSchema.createTableRequest(table.name()));
            } catch (ResourceInUseException createdMeanwhile) {
                // another process created it first: fine
            } catch (SdkException e) {
                throw new DependencyFailure("creating DynamoDB table " + table.name() + " failed", e);
            }
        } catch (SdkException e) {
            throw new DependencyFailure("describing DynamoDB table " + table.name() + " failed", e);
        }
        awaitActive(Duration.ofMinutes(5));
        enableTimeToLive();
    }

    private void awaitActive(Duration patience) {
        long giveUp = System.nanoTime() + patience.toNanos();
        long pause = 50;
        while (true) {
            TableDescription t = table.call("DescribeTable",
                    () -> table.client().describeTable(b -> b.tableName(table.name())).table());
            boolean ready = t.tableStatus() == TableStatus.ACTIVE
                    && t.globalSecondaryIndexes().stream().allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
            if (ready) return;
            if (System.nanoTime() - giveUp > 0) {
                throw new DependencyFailure("DynamoDB table " + table.name() + " did not become active", null);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DependencyFailure("interrupted while waiting for table " + table.name(), e);
            }
            pause = Math.min(pause * 2, 2000);
        }
    }

    private void enableTimeToLive() {
        DynamoDbClient client = table.client();
        TimeToLiveStatus status = table.call("DescribeTimeToLive", () -> client
                .describeTimeToLive(b -> b.tableName(table.name())).timeToLiveDescription().timeToLiveStatus());
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) return;
        try {
            client.updateTimeToLive(b -> b.tableName(table.name())
                    .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName(TTL)));
        } catch (DynamoDbException e) {
            // dynalite has no TTL. Harmless: expired records are recognised by liveUntil, TTL only tidies up.
            boolean unknownOperation = e.awsErrorDetails() != null
                    && "UnknownOperationException".equals(e.awsErrorDetails().errorCode());
            if (!unknownOperation) {
                throw new DependencyFailure("turning on TTL for DynamoDB table " + table.name() + " failed", e);
            }
        } catch (SdkException e) {
            throw new DependencyFailure("turning on TTL for DynamoDB table " + table.name() + " failed", e);
        }
    }

    @Override
    public Ports ports() {
        return ports;
    }
}
