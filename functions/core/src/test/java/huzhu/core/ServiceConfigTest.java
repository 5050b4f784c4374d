package huzhu.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.PolicyLevel;
import huzhu.core.kernel.Language;
import huzhu.core.testing.World;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    @Test
    void anEmptyEnvironment_meansChineseAndTheContractsDefaultPolicy() {
        ServiceConfig config = ServiceConfig.from(Map.of());

        assertThat(config.defaultLanguage()).isEqualTo(Language.ZH_CN);
        assertThat(config.defaultPolicy()).isEqualTo(EscalationPolicy.DEFAULT);
        assertThat(config.publicBaseUrl()).isEmpty();
    }

    @Test
    void theDeploymentsLanguageAndTimeouts_shapeTheDefaultPolicy() {
        // given
        Map<String, String> env = Map.of("HUZHU_LANGUAGE", "en", "HUZHU_DEFAULT_TIMEOUTS", "60, 120,900",
                "HUZHU_PUBLIC_BASE_URL", "https://sos.example.org/");

        // when
        ServiceConfig config = ServiceConfig.from(env);

        // then
        assertThat(config.defaultLanguage()).isEqualTo(Language.EN);
        assertThat(config.defaultPolicy().levels()).extracting(PolicyLevel::timeoutSeconds).containsExactly(60, 120, 900);
        assertThat(config.defaultPolicy().levels()).extracting(PolicyLevel::audience)
                .isEqualTo(EscalationPolicy.DEFAULT.levels().stream().map(PolicyLevel::audience).toList());
        assertThat(config.ackLink("t0k")).isEqualTo("https://sos.example.org/v1/acks/t0k");
    }

    @Test
    void badValues_stopAtInit_sayingWhich() {
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("HUZHU_LANGUAGE", "fr")))
                .hasMessageContaining("HUZHU_LANGUAGE");
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("HUZHU_DEFAULT_TIMEOUTS", "180,300")))
                .hasMessageContaining("HUZHU_DEFAULT_TIMEOUTS").hasMessageContaining("3");
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("HUZHU_DEFAULT_TIMEOUTS", "180,0,600")))
                .hasMessageContaining("HUZHU_DEFAULT_TIMEOUTS");
        assertThatThrownBy(() -> ServiceConfig.from(Map.of("HUZHU_DEFAULT_TIMEOUTS", "180,x,600")))
                .hasMessageContaining("'x'");
    }

    @Test
    void untilAnAdminSavesAPolicy_newIncidentsAndTheConsoleSeeTheConfiguredDefault() {
        // given a deployment with a one-minute first level
        World world = new World();
        Services services = Services.create(world.store, world.messenger, world.timer, world.clock, world.ids,
                ServiceConfig.from(Map.of("HUZHU_DEFAULT_TIMEOUTS", "60,300,600")));

        // then
        assertThat(services.policy().current().level(0).timeoutSeconds()).isEqualTo(60);
    }
}
