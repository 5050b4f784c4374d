package huzhu.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CONTRACT §4: the policy's shape, its default, and every way it can be wrong. */
class EscalationPolicyTest {

    private static EscalationPolicy policy(PolicyLevel... levels) {
        return new EscalationPolicy(Arrays.asList(levels));
    }

    private static PolicyLevel volunteers(int level) {
        return new PolicyLevel(level, Notify.NEARBY_VOLUNTEERS, 5, null, 180, null);
    }

    private static PolicyLevel leaders(int level, int leaderLevel) {
        return new PolicyLevel(level, Notify.LEADERS, null, leaderLevel, 300, null);
    }

    @Test
    void theDefault_isTheContractsPolicy_andIsValid() {
        // given
        EscalationPolicy p = EscalationPolicy.DEFAULT;

        // then
        assertThat(p.problems()).isEmpty();
        assertThat(p.levels()).containsExactly(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 5, null, 180, null),
                new PolicyLevel(1, Notify.LEADERS, null, 1, 300, null),
                new PolicyLevel(2, Notify.LEADERS, null, 2, 600, 3));
        assertThat(p.lastLevel()).isEqualTo(2);
        assertThat(p.firstLeaderLevel()).isEqualTo(1);
    }

    @Test
    void theSmallestUsefulPolicy_oneLevelWithATimeoutOfOneSecond_isValid() {
        assertThat(policy(new PolicyLevel(0, Notify.LEADERS, null, 1, 1, 0)).problems()).isEmpty();
    }

    @Test
    void theLimits_themselves_areValid() {
        // given
        EscalationPolicy p = policy(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 1, null, 1, null),
                new PolicyLevel(1, Notify.NEARBY_VOLUNTEERS, 50, null, 86_400, null),
                new PolicyLevel(2, Notify.NEARBY_VOLUNTEERS, null, null, 60, 20));

        // then
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void noLevels_isReportedOnLevels() {
        assertThat(policy().problems()).containsExactly(entry("levels", "invalid.policy.empty"));
        assertThat(new EscalationPolicy(null).problems()).containsExactly(entry("levels", "invalid.policy.empty"));
    }

    @Test
    void moreThanTenLevels_isReportedOnLevels() {
        // given
        List<PolicyLevel> levels = new ArrayList<>();
        for (int i = 0; i < 11; i++) levels.add(leaders(i, 1));

        // when
        Map<String, String> problems = new EscalationPolicy(levels).problems();

        // then
        assertThat(problems).containsExactly(entry("levels", "invalid.policy.tooMany"));
    }

    @Test
    void aMissingLevel_isReportedByItsIndex() {
        assertThat(policy(volunteers(0), null).problems()).containsExactly(entry("levels[1]", "invalid.required"));
    }

    @Test
    void levelsOutOfOrder_areReportedOnTheirLevelField() {
        // given
        EscalationPolicy p = policy(volunteers(0), leaders(2, 1), leaders(1, 2));

        // then
        assertThat(p.problems()).containsOnly(
                entry("levels[1].level", "invalid.policy.levelOrder"),
                entry("levels[2].level", "invalid.policy.levelOrder"));
    }

    @Test
    void aMissingNotify_isReportedOnNotify() {
        assertThat(policy(new PolicyLevel(0, null, null, null, 60, null)).problems())
                .containsExactly(entry("levels[0].notify", "invalid.policy.notify"));
    }

    @Test
    void aTimeoutBelowOneOrAboveADay_isReportedOnTimeoutSeconds() {
        assertThat(policy(new PolicyLevel(0, Notify.LEADERS, null, 1, 0, null)).problems())
                .containsExactly(entry("levels[0].timeoutSeconds", "invalid.policy.timeout"));
        assertThat(policy(volunteers(0), new PolicyLevel(1, Notify.LEADERS, null, 1, 86_401, null)).problems())
                .containsExactly(entry("levels[1].timeoutSeconds", "invalid.policy.timeout"));
        assertThat(policy(new PolicyLevel(0, Notify.LEADERS, null, 1, -5, null)).problems())
                .containsExactly(entry("levels[0].timeoutSeconds", "invalid.policy.timeout"));
    }

    @Test
    void maxRecipientsOutsideOneToFifty_isReportedOnMaxRecipients() {
        assertThat(policy(new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 0, null, 60, null)).problems())
                .containsExactly(entry("levels[0].maxRecipients", "invalid.policy.maxRecipients"));
        assertThat(policy(new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 51, null, 60, null)).problems())
                .containsExactly(entry("levels[0].maxRecipients", "invalid.policy.maxRecipients"));
    }

    @Test
    void aLeadersLevel_withoutAPositiveLeaderLevel_isReportedOnLeaderLevel() {
        assertThat(policy(volunteers(0), new PolicyLevel(1, Notify.LEADERS, null, null, 60, null)).problems())
                .containsExactly(entry("levels[1].leaderLevel", "invalid.policy.leaderLevel"));
        assertThat(policy(volunteers(0), new PolicyLevel(1, Notify.LEADERS, null, 0, 60, null)).problems())
                .containsExactly(entry("levels[1].leaderLevel", "invalid.policy.leaderLevel"));
    }

    @Test
    void aRepeatBelowZeroOrAboveTwenty_isReportedOnRepeat() {
        assertThat(policy(new PolicyLevel(0, Notify.LEADERS, null, 1, 60, -1)).problems())
                .containsExactly(entry("levels[0].repeat", "invalid.policy.repeat"));
        assertThat(policy(new PolicyLevel(0, Notify.LEADERS, null, 1, 60, 21)).problems())
                .containsExactly(entry("levels[0].repeat", "invalid.policy.repeat"));
    }

    @Test
    void everyProblem_ofEveryLevel_isReportedAtOnce() {
        // given
        EscalationPolicy p = policy(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 0, null, 0, -1),
                new PolicyLevel(5, Notify.LEADERS, null, null, 100_000, null));

        // then
        assertThat(p.problems()).containsOnlyKeys(
                "levels[0].maxRecipients", "levels[0].timeoutSeconds", "levels[0].repeat",
                "levels[1].level", "levels[1].leaderLevel", "levels[1].timeoutSeconds");
    }

    @Test
    void anIncidentWithoutAMember_startsAtTheFirstLeadersLevel() {
        assertThat(policy(volunteers(0), volunteers(1), leaders(2, 1)).firstLeaderLevel()).isEqualTo(2);
        assertThat(policy(volunteers(0)).firstLeaderLevel()).isEqualTo(0);
    }

    @Test
    void theDefaultsOfALevel_areFiveRecipientsAndNoRepeat() {
        // given
        PolicyLevel level = new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, null, null, 60, null);

        // then
        assertThat(level.maxRecipientsOrDefault()).isEqualTo(5);
        assertThat(level.repeatOrZero()).isZero();
    }
}
