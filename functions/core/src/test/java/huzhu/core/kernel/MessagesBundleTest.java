package huzhu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Another part's texts, read as the core's are. */
class MessagesBundleTest {

    @Test
    void aBundleOfAnotherPart_isFilledAndFallsBack_asTheCoresIs() {
        // given the core's own files, named as another part would name its bundle
        Messages.Bundle core = Messages.bundle("/huzhu/core/messages");

        // then it reads every text as Messages does, in both languages and both at once
        assertThat(core.text(Language.EN, "error.notFound.member", Map.of()))
                .isEqualTo(Messages.text(Language.EN, "error.notFound.member"));
        assertThat(core.bilingual("error.notFound.member", Map.of()))
                .isEqualTo(Messages.bilingual("error.notFound.member", Map.of()));
        assertThat(core.text(Language.EN, "no.such.key", Map.of())).isEqualTo("no.such.key");
    }

    @Test
    void aBundleThatIsNotThere_failsAtOnce_namingTheFile() {
        assertThatThrownBy(() -> Messages.bundle("/huzhu/nowhere/text"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/huzhu/nowhere/text_zh_CN.properties");
    }
}
