package huzhu.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class MachineToolsTest {

    @Test
    void aMissingTool_failsTheTest_underCi() {
        // when
        RuntimeException stop = MachineTools.missing("cfn-lint is not installed", Map.of("CI", "true"));

        // then: a failure, not a skip, so CI cannot pass a check that never ran
        assertThat(stop).isNotInstanceOf(TestAbortedException.class)
                .hasMessageContaining("cfn-lint is not installed").hasMessageContaining("CI=true");
    }

    @Test
    void aMissingTool_skipsTheTest_onADevelopersMachine() {
        // when
        RuntimeException stop = MachineTools.missing("cfn-lint is not installed", Map.of("CI", "false"));

        // then
        assertThat(stop).isInstanceOf(TestAbortedException.class).hasMessageContaining("cfn-lint is not installed");
        assertThat(MachineTools.missing("chromium", Map.of())).isInstanceOf(TestAbortedException.class);
    }
}
