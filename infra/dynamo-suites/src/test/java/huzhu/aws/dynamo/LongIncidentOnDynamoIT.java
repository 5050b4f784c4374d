package huzhu.aws.dynamo;

import static huzhu.core.testing.Fixtures.longFamilyText;
import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.Dispatcher.Outcome;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.Reporter;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.testing.Dynalite;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A worried family that keeps texting: 150 SMS of about a thousand characters each would take an incident past
 * DynamoDB's 400 KB item limit (about 130 do), after which nothing could change it. On DynamoDB (dynalite) the
 * incident still escalates, is accepted and is cancelled, and its item stays far below the limit.
 */
class LongIncidentOnDynamoIT {
    private static final int ITEM_LIMIT_BYTES = 400 * 1024;

    private DynamoDbClient client;
    private DynamoStore store;
    private Dispatcher dispatcher;
    private final MutableClock clock = MutableClock.atT0();

    @BeforeEach
    void aMemberWithANeighbourAndAnOfficer() {
        client = TestDynamo.client(Dynalite.shared().endpoint());
        store = TestDynamo.freshStore(client);
        dispatcher = Services.create(store, new RecordingMessenger(), EscalationTimer.NONE, clock, new SequentialIds(3),
                new ServiceConfig("https://huzhu.example", null)).dispatcher();
        store.directory().members().insert(Fixtures.member("m-1").phone(phone(1)).home("武汉市", "江汉区").build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").name("刘强").phone(phone(11))
                .area("武汉市", "江汉区").build());
        store.directory().leaders().insert(Fixtures.leader("l-1").phone(phone(21)).level(1).build());
    }

    @AfterEach
    void dropTheTable() {
        TestDynamo.drop(client, store.tableName());
        client.close();
    }

    @Test
    void anIncidentWith150LongRelays_stillEscalates_isAccepted_andCancelled_withinTheItemLimit() {
        // given
        Incident incident = dispatcher.open(new Dispatcher.NewIncident(null, "m-1", IncidentType.MEDICAL, "胸口疼", null,
                new Reporter(phone(2), "父亲", Channel.SMS, true), null));

        // when
        for (int n = 1; n <= 150; n++) dispatcher.relay(incident.id(), longFamilyText(n), phone(2));
        Incident escalated = dispatcher.escalateNow(incident.id(), "周干事");
        Dispatcher.Response accepted = dispatcher.respond(incident.id(), "v-1", Action.ACCEPT);
        Incident cancelled = dispatcher.cancel(incident.id(), "家属说已送医", "周干事");

        // then
        assertThat(escalated.level()).isEqualTo(1);
        assertThat(accepted.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(cancelled.status()).isEqualTo(IncidentStatus.CANCELLED);
        Incident stored = store.incidents().get(incident.id()).orElseThrow();
        assertThat(stored.timeline().get(stored.timeline().size() - 1).kind()).isEqualTo("cancelled");
        assertThat(stored.timeline()).anyMatch(e -> e.merged() > 0 && e.text().contains("条记录"));
        assertThat(stored.timeline()).anyMatch(e -> e.text().contains("第150条"));
        assertThat(itemBytes(stored.id())).isLessThan(ITEM_LIMIT_BYTES / 2);
    }

    /** The stored item's size as DynamoDB counts it, near enough: names and values in UTF-8. */
    private long itemBytes(String incidentId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(store.tableName())
                .key(Map.of(TableSchema.PK, AttributeValue.fromS(Keys.INCIDENTS.item(incidentId)),
                        TableSchema.SK, AttributeValue.fromS(Keys.INCIDENTS.sortKey())))).item();
        assertThat(item).isNotEmpty();
        return item.entrySet().stream().mapToLong(e -> e.getKey().length() + size(e.getValue())).sum();
    }

    private static long size(AttributeValue v) {
        if (v.s() != null) return v.s().getBytes(StandardCharsets.UTF_8).length;
        if (v.n() != null) return v.n().length();
        if (v.b() != null) return v.b().asByteArray().length;
        if (v.hasM()) return v.m().entrySet().stream().mapToLong(e -> e.getKey().length() + size(e.getValue())).sum() + 3;
        if (v.hasL()) return v.l().stream().mapToLong(LongIncidentOnDynamoIT::size).sum() + 3;
        return 1;
    }
}
