package huzhu.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import huzhu.core.error.Invalid;
import huzhu.core.testing.World;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET/PUT /v1/escalation-policy. */
class PolicyServiceTest {
    private World world;
    private PolicyService policies;

    @BeforeEach
    void aUnionWithoutASavedPolicy() {
        world = new World();
        policies = world.services.policy();
    }

    @Test
    void untilAnAdminSavesOne_theDefaultIsCurrent() {
        assertThat(policies.current()).isEqualTo(EscalationPolicy.DEFAULT);
    }

    @Test
    void aValidPolicy_isSaved_andBecomesCurrent() {
        // given
        EscalationPolicy fast = new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 3, null, 1, null),
                new PolicyLevel(1, Notify.LEADERS, null, 1, 1, 2)));

        // when
        policies.replace(fast);

        // then
        assertThat(policies.current()).isEqualTo(fast);
        assertThat(world.memory.settings().escalationPolicy()).contains(fast);
    }

    @Test
    void anInvalidPolicy_isRefusedWithItsFieldPaths_andTheOldOneStays() {
        // given: what a JSON body {"levels": [{…level 0…}, null]} maps to
        EscalationPolicy bad = new EscalationPolicy(Arrays.asList(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 99, null, 0, null), null));

        // when / then
        assertThatThrownBy(() -> policies.replace(bad)).isInstanceOfSatisfying(Invalid.class,
                e -> assertThat(e.fields()).containsOnly(
                        entry("levels[0].maxRecipients", "invalid.policy.maxRecipients"),
                        entry("levels[0].timeoutSeconds", "invalid.policy.timeout"),
                        entry("levels[1]", "invalid.required")));
        assertThatThrownBy(() -> policies.replace(null)).isInstanceOfSatisfying(Invalid.class,
                e -> assertThat(e.fields()).containsOnlyKeys("levels"));
        assertThat(policies.current()).isEqualTo(EscalationPolicy.DEFAULT);
    }
}
