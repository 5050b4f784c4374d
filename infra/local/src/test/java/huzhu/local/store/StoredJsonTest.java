package huzhu.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.care.FollowUp;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.Incident;
import huzhu.core.incident.Notify;
import huzhu.core.incident.PolicyLevel;
import huzhu.core.testing.Fixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredJsonTest {
    private final StoredJson json = new StoredJson();

    @Test
    void anIncident_withAlertsRespondersTimelineAndPolicy_survivesTheRoundTrip() {
        // given
        Incident incident = Fixtures.fullIncident("inc-1").edit().build();

        // when
        String stored = json.write(incident);

        // then
        assertThat(json.read(stored, Incident.class)).isEqualTo(incident);
        assertThat(stored)
                .contains("\"status\":\"acknowledged\"")
                .contains("\"recipientKind\":\"volunteer\"")
                .contains("\"status\":\"failed\"")
                .contains("\"notify\":\"nearby-volunteers\"")
                .contains("\"createdAt\":\"2026-03-02T01:30:00Z\"")
                .contains("\"version\":1");
    }

    @Test
    void aMember_withFamilyContacts_survivesTheRoundTrip() {
        // given
        Member member = Fixtures.fullMember("m-1");

        // when
        Member back = json.read(json.write(member), Member.class);

        // then
        assertThat(back).isEqualTo(member);
        assertThat(back.familyContacts()).hasSize(2);
    }

    @Test
    void volunteersAndLeaders_surviveTheRoundTrip() {
        // given
        Volunteer volunteer = Fixtures.volunteer("v-1").at(30.1, 120.2).skills("driver", "first-aid").onDuty(false)
                .maxActive(2).build();
        Leader leader = Fixtures.leader("l-1").email("chair@example.org").level(3).build();

        // when / then
        assertThat(json.read(json.write(volunteer), Volunteer.class)).isEqualTo(volunteer);
        assertThat(json.read(json.write(leader), Leader.class)).isEqualTo(leader);
    }

    @Test
    void aFollowUp_keepsItsDatesAndTheExactAmount() {
        // given
        FollowUp followUp = Fixtures.fullFollowUp("f-1");

        // when
        String stored = json.write(followUp);
        FollowUp back = json.read(stored, FollowUp.class);

        // then the amount keeps its scale: 1200.50, not 1200.5
        assertThat(back).isEqualTo(followUp);
        assertThat(back.amount()).isEqualTo(new BigDecimal("1200.50"));
        assertThat(back.dueDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(stored).contains("\"dueDate\":\"2026-03-09\"").contains("\"kind\":\"assistance\"");
    }

    @Test
    void aPolicy_survivesTheRoundTrip_withTheContractsFieldNames() {
        // given
        EscalationPolicy policy = new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 3, null, 1, null),
                new PolicyLevel(1, Notify.LEADERS, null, 2, 60, 4)));

        // when
        String stored = json.write(policy);

        // then
        assertThat(json.read(stored, EscalationPolicy.class)).isEqualTo(policy);
        assertThat(stored).contains("\"notify\":\"leaders\"").doesNotContain("audience");
    }

    @Test
    void aDocumentWithFieldsFromALaterVersion_stillReads() {
        // given
        String later = "{\"id\":\"l-1\",\"name\":\"张主席\",\"phone\":\"+8613800000001\",\"level\":1,"
                + "\"language\":\"zh-CN\",\"pager\":\"12345\"}";

        // when
        Leader leader = json.read(later, Leader.class);

        // then
        assertThat(leader.id()).isEqualTo("l-1");
        assertThat(leader.level()).isEqualTo(1);
    }

    @Test
    void anUnreadableDocument_isADependencyFailure() {
        // when / then
        assertThatThrownBy(() -> json.read("{not json", Member.class)).isInstanceOf(DependencyFailure.class);
    }
}
