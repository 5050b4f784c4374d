package huzhu.aws.dynamo;

import static huzhu.core.testing.Fixtures.T0;
import static huzhu.core.testing.Fixtures.followUp;
import static huzhu.core.testing.Fixtures.freshPhone;
import static huzhu.core.testing.Fixtures.incident;
import static huzhu.core.testing.Fixtures.leader;
import static huzhu.core.testing.Fixtures.member;
import static huzhu.core.testing.Fixtures.volunteer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.aws.AwsClients;
import huzhu.core.care.FollowUpStatus;
import huzhu.core.directory.Member;
import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.Registry;
import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.Alert;
import huzhu.core.incident.AlertStatus;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.RecipientKind;
import huzhu.core.incident.UnderWay;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.TriggerLinks;
import huzhu.testing.Dynalite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * What is particular to DynamoDB: keys and indexes instead of scans, TTL, item shapes, recovery from
 * half-done changes, conditional writes under contention.
 */
class DynamoStoreDesignIT {
    private static final OperationCounter operations = new OperationCounter();
    private static final FailNextCall failNext = new FailNextCall();
    private static final AfterEachCall afterEach = new AfterEachCall();
    @RegisterExtension
    static final DynaliteTables tables = new DynaliteTables(operations, failNext, afterEach);

    private final MutableClock clock = MutableClock.atT0();
    private DynamoDbClient client;
    private String table;
    private DynamoStore store;

    @BeforeEach
    void freshTable() {
        client = tables.client();
        store = tables.freshStore(clock);
        table = store.tableName();
        operations.reset();
        afterEach.clear();
    }

    // ---------------------------------------------------------------- access patterns

    @Test
    void everyReadOfThePort_isServedByKeysAndIndexes_neverByAScan() {
        // given one of everything
        String family = freshPhone();
        Member member = member("m-1").family("父亲", "父亲", family).build();
        store.directory().members().insert(member);
        store.directory().volunteers().insert(volunteer("v-1").area("杭州", "西湖区").build());
        store.directory().leaders().insert(leader("l-1").level(1).build());
        store.triggerTokens().bind("m-1", "hash-1");
        store.incidents().create(incident("inc-1").build());
        store.followUps().insert(followUp("f-1").incident("inc-1", "m-1").build());
        store.settings().saveEscalationPolicy(EscalationPolicy.DEFAULT);
        operations.reset();

        // when every read the port offers runs
        store.directory().members().get("m-1");
        store.directory().members().byPhone(member.phone());
        store.directory().members().page(PageRequest.first(10));
        store.directory().members().all();
        store.directory().volunteers().all();
        store.directory().leaders().page(PageRequest.first(10));
        store.directory().membersWithFamilyPhone(family);
        store.directory().membersLinkedBy(family, store.directory().familyLinks(family));
        store.directory().volunteersInCity("杭州");
        store.directory().leadersAtLevel(1);
        store.triggerTokens().linkFor("hash-1");
        store.incidents().get("inc-1");
        store.incidents().active();
        store.incidents().dueForEscalation(T0.plusSeconds(3600));
        for (String status : List.of("all", "active", "open", "resolved")) {
            store.incidents().list(IncidentQuery.of(status, T0.minusSeconds(60), T0.plusSeconds(60)), PageRequest.first(10));
        }
        store.incidents().createdBetween(T0.minusSeconds(60), T0.plusSeconds(60));
        store.followUps().get("f-1");
        store.followUps().forIncident("inc-1");
        store.followUps().list(StatusFilter.parse(FollowUpStatus.class, null), PageRequest.first(10));
        store.followUps().list(StatusFilter.parse(FollowUpStatus.class, "planned"), PageRequest.first(10));
        store.settings().escalationPolicy();
        store.idempotency().remember("key-1", "value", T0.plusSeconds(60), T0);

        // then
        assertThat(operations.snapshot()).containsOnlyKeys("GetItem", "Query", "BatchGetItem", "PutItem");
    }

    @Test
    void onlyOpenOrAcknowledgedIncidents_occupyTheSparseActiveIndex() {
        // given
        store.incidents().create(incident("inc-open").build());
        store.incidents().create(incident("inc-resolved").status(IncidentStatus.RESOLVED).build());

        // when the open one is resolved too
        List<String> before = idsInActiveIndex();
        store.incidents().update(store.incidents().get("inc-open").orElseThrow().edit()
                .close(IncidentStatus.RESOLVED, T0.plusSeconds(60), null).build());

        // then
        assertThat(before).containsExactly("inc-open");
        assertThat(idsInActiveIndex()).isEmpty();
        assertThat(rawItem("INCIDENT#inc-open", "INCIDENT")).doesNotContainKeys("activePk", "activeSk");
    }

    @Test
    void incidentsCreatedInTheSameSecond_listInTimeOrder_whateverTheirFractionOfASecond() {
        // given times whose ISO forms sort wrongly as plain strings ("…:00Z" after "…:00.5Z")
        store.incidents().create(incident("whole").createdAt(T0).build());
        store.incidents().create(incident("half").createdAt(T0.plusMillis(500)).build());
        store.incidents().create(incident("nano").createdAt(T0.plusNanos(1)).build());

        // when
        List<String> newestFirst = store.incidents().list(IncidentQuery.ALL, PageRequest.first(10)).items().stream()
                .map(Incident::id).toList();

        // then
        assertThat(newestFirst).containsExactly("half", "nano", "whole");
    }

    // ---------------------------------------------------------------- item shapes

    @Test
    void anIdempotencyRecord_carriesItsExpiryInEpochSeconds_forDynamoDbTimeToLive() {
        // given an expiry half a second past a whole second
        var expiresAt = T0.plus(Duration.ofHours(24)).plusMillis(500);

        // when
        store.idempotency().remember("key-1", "response-1", expiresAt, T0);

        // then TTL may delete it only once it is surely dead: rounded up
        Map<String, AttributeValue> item = rawItem("IDEMPOTENCY#key-1", "IDEMPOTENCY");
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(expiresAt.getEpochSecond() + 1));
    }

    @Test
    void aCountersFirstCountOfTheDay_isOneWrite_andItsLaterCountsAddToIt() {
        // given the day's SMS counter has no item yet (the first alert of the day)
        var endOfDay = T0.plus(Duration.ofHours(24));

        // when
        long first = store.idempotency().count("sms-day:2026-03-02", 3, endOfDay, T0);
        var firstWrites = operations.snapshot();
        long second = store.idempotency().count("sms-day:2026-03-02", 2, endOfDay, T0.plusSeconds(60));

        // then
        assertThat(firstWrites).containsExactly(Map.entry("UpdateItem", 1));
        assertThat(first).isEqualTo(3);
        assertThat(second).isEqualTo(5);
        Map<String, AttributeValue> item = rawItem("IDEMPOTENCY#sms-day:2026-03-02", "IDEMPOTENCY");
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(endOfDay.getEpochSecond()));
    }

    @Test
    void anExpiredCounter_startsAgainFromTheDelta() {
        // given a counter whose window has passed (TTL deletes it only later)
        store.idempotency().count("presses:inc-1", 7, T0.plusSeconds(60), T0);

        // when
        long count = store.idempotency().count("presses:inc-1", 1, T0.plusSeconds(180), T0.plusSeconds(120));

        // then
        assertThat(count).isEqualTo(1);
        assertThat(store.idempotency().count("presses:inc-1", 1, T0.plusSeconds(180), T0.plusSeconds(121))).isEqualTo(2);
    }

    @Test
    void aBusyIncident_fitsInOneItem() {
        // given 40 alerts and 800 timeline lines of 60 Chinese characters (about 230 KB)
        Incident created = incident("inc-1").build();
        store.incidents().create(created);
        Incident.Builder busy = created.edit();
        for (int n = 0; n < 40; n++) {
            busy.replaceAlert(new Alert("v-" + n, RecipientKind.VOLUNTEER, "志愿者" + n, freshPhone(), Language.ZH_CN,
                    0, T0, AlertStatus.SENT, "msg-" + n, null, 1, null, false));
        }
        for (int n = 0; n < 800; n++) {
            busy.note(T0.plusSeconds(n), "relayed", "家".repeat(60), "+8613800000901");
        }
        Incident incident = busy.build();

        // when
        store.incidents().update(incident);

        // then
        assertThat(store.incidents().get("inc-1")).contains(incident);
    }

    // ---------------------------------------------------------------- half-done changes

    @Test
    void aPhoneClaimLeftByAnInsertThatDied_blocksThePhoneForTheLease_thenIsTakenOver() {
        // given a claim whose owner never got written
        String phone = freshPhone();
        client.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("PHONE#MEMBER#" + phone), "sk", AttributeValue.fromS("CLAIM"),
                "owner", AttributeValue.fromS("m-ghost"), "claimedAt", AttributeValue.fromS(T0.toString()))));

        // when / then: within the lease the owner may still be on its way
        clock.set(T0.plusSeconds(60));
        assertThatThrownBy(() -> store.directory().members().insert(member("m-1").phone(phone).build()))
                .isInstanceOf(Registry.PhoneTaken.class);

        // when / then: after it, the claim is left-over
        clock.set(T0.plus(PersonRegistry.CLAIM_LEASE).plusSeconds(1));
        store.directory().members().insert(member("m-1").phone(phone).build());
        assertThat(store.directory().members().byPhone(phone)).map(Member::id).contains("m-1");
    }

    @Test
    void closingAMembersEmergency_letsGoOfTheClaimOnIt() {
        // given
        store.incidents().createUnlessUnderWay(incident("inc-1").build());
        assertThat(rawItem("MEMBER#m-1", "EMERGENCY_UNDER_WAY")).containsEntry("incident", AttributeValue.fromS("inc-1"));

        // when the write that closes it is told to the store
        Incident read = store.incidents().get("inc-1").orElseThrow();
        Incident closed = read.edit().close(IncidentStatus.RESOLVED, T0.plusSeconds(600), "已送医").build();
        store.incidents().update(closed);
        store.incidents().closed(closed);

        // then
        assertThat(rawItem("MEMBER#m-1", "EMERGENCY_UNDER_WAY")).isEmpty();
    }

    @Test
    void aClosedEmergencysLaterWrites_writeNothingBesideIt() {
        // given a member's emergency, closed
        store.incidents().createUnlessUnderWay(incident("inc-1").build());
        Incident closed = store.incidents().get("inc-1").orElseThrow().edit()
                .close(IncidentStatus.RESOLVED, T0.plusSeconds(600), "已送医").build();
        store.incidents().update(closed);
        store.incidents().closed(closed);
        operations.reset();

        // when a note is added later (as a delivery receipt or the family's thanks would be)
        Incident read = store.incidents().get("inc-1").orElseThrow();
        store.incidents().update(read.edit().note(T0.plusSeconds(900), "note", "回访已安排", "officer-1").build());

        // then one GetItem and one PutItem: no DeleteItem of a claim that is long gone
        assertThat(operations.count("DeleteItem")).isZero();
        assertThat(operations.count("PutItem")).isEqualTo(1);
    }

    @Test
    void aClaimThatCannotBeWritten_holdsNoEmergencyBack() {
        // given DynamoDB fails the claim's write
        failNext.on(request -> request instanceof UpdateItemRequest u
                && u.key().get("sk").s().equals("EMERGENCY_UNDER_WAY"));

        // when
        store.incidents().createUnlessUnderWay(incident("inc-1").build());

        // then the incident is stored, to be alerted
        assertThat(store.incidents().get("inc-1")).isPresent();
    }

    @Test
    void anEmergencyThatLostTheClaim_butCannotBeWithdrawn_staysASecondOne_ratherThanNone() {
        // given the member's emergency under way, and DynamoDB failing the second one's withdrawal
        store.incidents().createUnlessUnderWay(incident("inc-first").build());
        failNext.on(request -> request instanceof DeleteItemRequest d && d.key().get("sk").s().equals("INCIDENT"));

        // when
        store.incidents().createUnlessUnderWay(incident("inc-second").build());

        // then both stand: two alerts for one emergency, never none
        assertThat(store.incidents().get("inc-second")).isPresent();
        assertThat(idsInActiveIndex()).containsExactlyInAnyOrder("inc-first", "inc-second");
    }

    @Test
    void aClaimLeftByAClosedEmergency_whoseReleaseFailed_isTakenOverByTheNextOne() {
        // given an emergency closed while the claim stayed behind
        store.incidents().create(incident("inc-old").status(IncidentStatus.RESOLVED).build());
        putClaim("m-1", "inc-old");

        // when
        store.incidents().createUnlessUnderWay(incident("inc-new").build());

        // then
        assertThat(store.incidents().get("inc-new")).isPresent();
        assertThat(rawItem("MEMBER#m-1", "EMERGENCY_UNDER_WAY")).containsEntry("incident", AttributeValue.fromS("inc-new"));
    }

    @Test
    void aClaimLeftByAnEmergencyThatWasNeverStored_isTakenOverByTheNextOne() {
        // given a claim whose incident's writer died before writing it
        putClaim("m-1", "inc-ghost");

        // when
        store.incidents().createUnlessUnderWay(incident("inc-new").build());

        // then
        assertThat(store.incidents().get("inc-new")).isPresent();
        assertThat(rawItem("MEMBER#m-1", "EMERGENCY_UNDER_WAY")).containsEntry("incident", AttributeValue.fromS("inc-new"));
    }

    @Test
    void aClaimChangingHandsFasterThanItCanBeRead_holdsNoEmergencyBack() {
        // given a claim naming an incident that was never stored, and every read of it followed by another writer
        // taking it over, so that each attempt to take it over after reading it fails
        putClaim("m-1", "inc-ghost-0");
        AtomicInteger handovers = new AtomicInteger();
        afterEach.on(request -> request instanceof GetItemRequest g && g.key().containsKey("sk")
                && "EMERGENCY_UNDER_WAY".equals(g.key().get("sk").s()),
                () -> putClaim("m-1", "inc-ghost-" + handovers.incrementAndGet()));

        // when
        store.incidents().createUnlessUnderWay(incident("inc-new").build());

        // then it gave up on the claim after its tries, and the emergency stands, to be alerted
        assertThat(handovers).hasValue(3);
        assertThat(store.incidents().get("inc-new")).isPresent();
        assertThat(idsInActiveIndex()).containsExactly("inc-new");
    }

    @Test
    void anEmergencyThatLostTheClaim_isWithdrawn_andLeavesNothingInTheIndexes() {
        // given the member's emergency under way holds the claim, and the active index has not shown it yet
        store.incidents().createUnlessUnderWay(incident("inc-first").build());

        // when a second, raised in the same instant, is written beside its claim
        assertThatThrownBy(() -> store.incidents().createUnlessUnderWay(incident("inc-second").build()))
                .isInstanceOf(UnderWay.class);

        // then it was taken back: not readable, not listed, not due for escalation
        assertThat(rawItem("INCIDENT#inc-second", "INCIDENT")).isEmpty();
        assertThat(idsInActiveIndex()).containsExactly("inc-first");
        assertThat(store.incidents().list(IncidentQuery.ALL, PageRequest.first(10)).items()).extracting(Incident::id)
                .containsExactly("inc-first");
    }

    @Test
    void aClaimWhoseOwnerHoldsThePhone_isNeverTakenOver_howeverOld() {
        // given
        String phone = freshPhone();
        store.directory().members().insert(member("m-1").phone(phone).build());

        // when
        clock.set(T0.plus(Duration.ofDays(400)));

        // then
        assertThatThrownBy(() -> store.directory().members().insert(member("m-2").phone(phone).build()))
                .isInstanceOf(Registry.PhoneTaken.class);
    }

    @Test
    void aFamilyLinkTheMemberNoLongerBacks_findsNobody() {
        // given a link left behind by an update that died before cleaning up
        String phone = freshPhone();
        store.directory().members().insert(member("m-1").build());
        client.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("FAMILY#" + phone), "sk", AttributeValue.fromS("MEMBER#m-1"),
                "entryId", AttributeValue.fromS("m-1"))));

        // when / then
        assertThat(store.directory().membersWithFamilyPhone(phone)).isEmpty();
    }

    @Test
    void aFamilyLinkWrittenBeforeLinksNamedACity_findsTheMember_andNamesTheCityAfterTheMembersNextChange() {
        // given a member whose link was written before links named the member's city
        String phone = freshPhone();
        Member member = member("m-1").home("唐山", "路北区").family("父亲", "父亲", phone).build();
        store.directory().members().insert(member);
        client.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("FAMILY#" + phone), "sk", AttributeValue.fromS("MEMBER#m-1"),
                "type", AttributeValue.fromS("FAMILY_LINK"), "entryId", AttributeValue.fromS("m-1"))));
        assertThat(store.directory().familyLinks(phone)).containsExactly(new PhoneLink("m-1", null));
        assertThat(store.directory().membersWithFamilyPhone(phone)).containsExactly(member);

        // when an officer changes something else about the member
        store.directory().members().update(member("m-1").home("唐山", "路北区").family("父亲", "父亲", phone)
                .unit("销售二部").version(2).build());

        // then
        assertThat(store.directory().familyLinks(phone)).containsExactly(new PhoneLink("m-1", "唐山"));
    }

    @Test
    void aPhoneClaimWrittenBeforeClaimsNamedACity_namesTheCityAfterTheMembersNextChange_andKeepsItsLease() {
        // given a member whose phone claim was written before claims named the member's city
        String phone = freshPhone();
        store.directory().members().insert(member("m-1").phone(phone).home("唐山", "路北区").build());
        Map<String, AttributeValue> key = Table.key(Keys.phoneClaim("MEMBER", phone), Keys.CLAIM);
        Map<String, AttributeValue> claim = new HashMap<>(client.getItem(b -> b.tableName(table).key(key)).item());
        claim.remove("homeCity");
        client.putItem(b -> b.tableName(table).item(claim));
        assertThat(store.directory().memberPhoneLink(phone)).contains(new PhoneLink("m-1", null));

        // when an officer changes something else about the member
        clock.advance(Duration.ofDays(30));
        store.directory().members().update(member("m-1").phone(phone).home("唐山", "路北区").unit("销售二部").version(2)
                .build());

        // then
        assertThat(store.directory().memberPhoneLink(phone)).contains(new PhoneLink("m-1", "唐山"));
        assertThat(client.getItem(b -> b.tableName(table).key(key)).item().get("claimedAt"))
                .as("the claim's lease").isEqualTo(claim.get("claimedAt"));
    }

    @Test
    void rotatingATriggerToken_deletesTheOldTokenItem() {
        // given
        store.triggerTokens().bind("m-1", "hash-old");

        // when
        store.triggerTokens().bind("m-1", "hash-new");

        // then
        assertThat(rawItem("TRIGGER#hash-old", "TRIGGER_TOKEN")).isEmpty();
        assertThat(rawItem("TRIGGER#hash-new", "TRIGGER_TOKEN")).isNotEmpty();
    }

    @Test
    void aTokenItemWrittenBeforeTokensNamedACity_namesTheCityAfterTheMembersNextChange_andNothingElseChanges() {
        // given a member whose token item was written before token items named the member's city
        store.directory().members().insert(member("m-1").home("唐山", "路北区").build());
        store.triggerTokens().bind("m-1", "hash-1");
        Map<String, AttributeValue> before = new HashMap<>(rawItem("TRIGGER#hash-1", "TRIGGER_TOKEN"));
        before.remove("homeCity");
        client.putItem(b -> b.tableName(table).item(before));
        assertThat(store.triggerTokens().linkFor("hash-1")).contains(new PhoneLink("m-1", null));

        // when an officer changes something else about the member, then the member moves
        store.directory().members().update(member("m-1").home("唐山", "路北区").unit("销售二部").version(2).build());
        PhoneLink afterTheChange = store.triggerTokens().linkFor("hash-1").orElseThrow();
        store.directory().members().update(member("m-1").home("宁波", "鄞州区").unit("销售二部").version(3).build());

        // then
        assertThat(afterTheChange).isEqualTo(new PhoneLink("m-1", "唐山"));
        Map<String, AttributeValue> after = new HashMap<>(rawItem("TRIGGER#hash-1", "TRIGGER_TOKEN"));
        assertThat(after.remove("homeCity")).isEqualTo(AttributeValue.fromS("宁波"));
        assertThat(after).as("only the city changed").isEqualTo(before);
    }

    @Test
    void aMembersChange_writesNoCityOnATokenItemThatNoLongerNamesThem() {
        // given a rotation that died before deleting the old token item, which since names another member
        store.directory().members().insert(member("m-1").home("唐山", "路北区").build());
        store.triggerTokens().bind("m-1", "hash-1");
        client.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("TRIGGER#hash-1"), "sk", AttributeValue.fromS("TRIGGER_TOKEN"),
                "memberId", AttributeValue.fromS("m-2"))));

        // when
        store.directory().members().update(member("m-1").home("宁波", "鄞州区").version(2).build());

        // then
        assertThat(rawItem("TRIGGER#hash-1", "TRIGGER_TOKEN")).doesNotContainKey("homeCity");
    }

    @Test
    void anOldTokenItemThatOutlivedARotation_opensNothing() {
        // given a rotation that died before deleting the old token item
        store.triggerTokens().bind("m-1", "hash-new");
        client.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("TRIGGER#hash-old"), "sk", AttributeValue.fromS("TRIGGER_TOKEN"),
                "memberId", AttributeValue.fromS("m-1"))));

        // when / then
        assertThat(TriggerLinks.liveMemberOf(store.triggerTokens(), "hash-old")).isEmpty();
        assertThat(TriggerLinks.liveMemberOf(store.triggerTokens(), "hash-new")).contains("m-1");
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void twoThreadsInsertingOnePhone_letExactlyOneWin() throws Exception {
        for (int round = 0; round < 10; round++) {
            // given
            String phone = freshPhone();
            String prefix = "m-" + round + "-";

            // when
            List<Throwable> failures = race(2, n -> store.directory().members().insert(member(prefix + n).phone(phone).build()));

            // then
            assertThat(failures).filteredOn(f -> f == null).hasSize(1);
            assertThat(failures).filteredOn(f -> f instanceof Registry.PhoneTaken).hasSize(1);
            assertThat(store.directory().members().all()).filteredOn(m -> phone.equals(m.phone())).hasSize(1);
        }
    }

    @Test
    void aPhoneChange_racingAnInsertOfThatPhone_letsExactlyOneHaveIt() throws Exception {
        for (int round = 0; round < 10; round++) {
            // given
            String phone = freshPhone();
            String mover = "m-" + round + "-mover";
            String newcomer = "m-" + round + "-new";
            store.directory().members().insert(member(mover).build());

            // when
            List<Throwable> failures = race(2, n -> {
                if (n == 0) store.directory().members().update(member(mover).phone(phone).version(2).build());
                else store.directory().members().insert(member(newcomer).phone(phone).build());
            });

            // then
            assertThat(failures).filteredOn(f -> f == null).hasSize(1);
            assertThat(failures).filteredOn(f -> f instanceof Registry.PhoneTaken).hasSize(1);
            List<Member> holders = store.directory().members().all().stream().filter(m -> phone.equals(m.phone())).toList();
            assertThat(holders).hasSize(1);
            assertThat(store.directory().members().byPhone(phone)).contains(holders.get(0));
        }
    }

    @Test
    void eightThreadsUpdatingOneVersion_letExactlyOneWin() throws Exception {
        // given
        store.incidents().create(incident("inc-1").build());
        Incident read = store.incidents().get("inc-1").orElseThrow();

        // when
        List<Throwable> failures =
                race(8, n -> store.incidents().update(read.edit().note(T0, "note", "worker " + n, "w" + n).build()));

        // then
        assertThat(failures).filteredOn(f -> f == null).hasSize(1);
        assertThat(failures).filteredOn(f -> f instanceof StaleWrite).hasSize(7);
        assertThat(store.incidents().get("inc-1").orElseThrow().version()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- the table and its failures

    @Test
    void createTableIfMissing_leavesAnExistingTableAndItsItemsAlone() {
        // given
        store.directory().members().insert(member("m-1").build());

        // when
        store.createTableIfMissing();

        // then
        assertThat(store.directory().members().get("m-1")).isPresent();
    }

    @Test
    void aTableThatDoesNotExist_isADependencyFailure_thatNamesNoPhone() {
        // given
        DynamoStore nowhere = new DynamoStore(client, "no-such-table");
        String phone = freshPhone();

        // when / then
        assertThatThrownBy(() -> nowhere.directory().members().byPhone(phone))
                .isInstanceOf(DependencyFailure.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(phone));
        assertThatThrownBy(() -> nowhere.incidents().create(incident("inc-1").build())).isInstanceOf(DependencyFailure.class);
    }

    @Test
    void fromEnvironment_usesTheTableAndEndpointItNames() {
        // given
        AwsClients clients = new AwsClients(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                UrlConnectionHttpClient.builder().build());
        Map<String, String> env = Map.of(DynamoStore.TABLE_VARIABLE, table,
                DynamoStore.ENDPOINT_VARIABLE, Dynalite.shared().endpoint().toString());

        Member member = Fixtures.fullMember("m-1");

        // when
        DynamoStore fromEnv = DynamoStore.fromEnvironment(clients, env);
        fromEnv.directory().members().insert(member);

        // then
        assertThat(fromEnv.tableName()).isEqualTo(table);
        assertThat(store.directory().members().get("m-1")).contains(member);
    }

    @Test
    void fromEnvironment_withoutATableName_saysWhichVariableIsMissing() {
        // given
        AwsClients clients = new AwsClients(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                UrlConnectionHttpClient.builder().build());

        // when / then
        assertThatThrownBy(() -> DynamoStore.fromEnvironment(clients, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HUZHU_TABLE");
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, AttributeValue> rawItem(String pk, String sk) {
        return client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

    private void putClaim(String memberId, String incidentId) {
        client.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("MEMBER#" + memberId), "sk", AttributeValue.fromS("EMERGENCY_UNDER_WAY"),
                "incident", AttributeValue.fromS(incidentId))));
    }

    private List<String> idsInActiveIndex() {
        return client.query(b -> b.tableName(table).indexName("active")
                        .keyConditionExpression("activePk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ACTIVE"))))
                .items().stream().map(item -> item.get("id").s()).toList();
    }

    /** Fails the next DynamoDB call that matches, as a timeout would, before it reaches the table. */
    private static final class FailNextCall implements ExecutionInterceptor {
        private volatile Predicate<SdkRequest> matching;

        void on(Predicate<SdkRequest> which) {
            matching = which;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            Predicate<SdkRequest> which = matching;
            if (which != null && which.test(context.request())) {
                matching = null;
                throw SdkClientException.create("DynamoDB unavailable (test)");
            }
        }
    }

    /** Runs {@code then} after each DynamoDB call that matches has been answered, as another writer would. */
    private static final class AfterEachCall implements ExecutionInterceptor {
        private volatile Predicate<SdkRequest> matching;
        private volatile Runnable then;

        void on(Predicate<SdkRequest> which, Runnable andThen) {
            then = andThen;
            matching = which;
        }

        void clear() {
            matching = null;
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            Predicate<SdkRequest> which = matching;
            if (which != null && which.test(context.request())) then.run();
        }
    }

    private interface Task {
        void run(int n);
    }

    /** Runs task(0..threads-1) on as many threads released together; each one's failure, or null. */
    private static List<Throwable> race(int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Throwable>> futures = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                int id = n;
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        task.run(id);
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Throwable> failures = new ArrayList<>();
            for (Future<Throwable> f : futures) failures.add(f.get(60, TimeUnit.SECONDS));
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }
}
