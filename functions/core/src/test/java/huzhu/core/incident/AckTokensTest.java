package huzhu.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AckTokensTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final AckTokens tokens = new AckTokens(KEY);

    @Test
    void aToken_isTheCodeThenTenUrlSafeCharacters() {
        // when
        String token = tokens.token("K27", "inc-1", "v-1");

        // then
        assertThat(token).hasSize(3 + AckTokens.MAC_CHARS).startsWith("K27").matches("[A-Za-z0-9_-]+");
        assertThat(AckTokens.code(token)).contains("K27");
    }

    @Test
    void aToken_verifiesForItsIncidentAndRecipientOnly() {
        // given
        String token = tokens.token("K27", "inc-1", "v-1");

        // then
        assertThat(tokens.verifies(token, "inc-1", "v-1")).isTrue();
        assertThat(tokens.verifies(token, "inc-1", "v-2")).as("another alerted person").isFalse();
        assertThat(tokens.verifies(token, "inc-2", "v-1")).as("a later incident with the same code").isFalse();
        assertThat(tokens.token("K27", "inc-1", "v-1")).as("stable: a repeated alert carries the same link")
                .isEqualTo(token);
    }

    @Test
    void aTokenSignedWithAnotherKey_neverVerifies() {
        // given
        AckTokens other = new AckTokens("another-key-another-key-another!".getBytes(StandardCharsets.US_ASCII));

        // then
        assertThat(tokens.verifies(other.token("K27", "inc-1", "v-1"), "inc-1", "v-1")).isFalse();
    }

    @Test
    void aTamperedMac_neverVerifies() {
        // given
        String token = tokens.token("K27", "inc-1", "v-1");
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        // then
        assertThat(tokens.verifies(tampered, "inc-1", "v-1")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"K27", "secret-0001", "K27abcdefg", "k27abcdefghij", "K27abcdefgh!j", "K27 bcdefghij",
            "ABCDEFGHIabcdefghij", "../../etc/passwd", "K27abcdefghij\n"})
    void malformedTokens_haveNoCode_andNeverVerify(String token) {
        assertThat(AckTokens.code(token)).isEmpty();
        assertThat(tokens.verifies(token, "inc-1", "v-1")).isFalse();
    }

    @Test
    void aKeyShorterThan32Bytes_isRefused() {
        assertThatThrownBy(() -> new AckTokens(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AckTokens(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
