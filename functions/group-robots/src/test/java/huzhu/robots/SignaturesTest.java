package huzhu.robots;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The vendors publish their algorithms with code that signs the current time, not fixed examples with their
 * results; the vectors here were computed apart from this code (Python's hmac and OpenSSL) and, for Feishu,
 * match a vector used by independent projects' tests. See the module README.
 */
class SignaturesTest {

    @Test
    void feishu_matchesTheVectorForSecretDemoAtTheDocumentsExampleTimestamp() {
        // given: Feishu's guide gives 1599360473 as its example timestamp
        // when
        String sign = Signatures.feishu(1599360473L, "demo");

        // then: printf '' | openssl dgst -sha256 -hmac "$(printf '1599360473\ndemo')" -binary | base64
        assertThat(sign).isEqualTo("l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=");
    }

    @Test
    void feishu_matchesAnIndependentlyComputedVector() {
        assertThat(Signatures.feishu(1577836800L, "this is secret"))
                .isEqualTo("mrvWG34HKV6PqBObvxHSEHK+ExNfDb38Dqx7z7qYW68=");
    }

    @Test
    void dingTalk_matchesAnIndependentlyComputedVector_forTheDocumentsExampleSecret() {
        // given: DingTalk's guide signs with secret "this is secret"
        // when
        String sign = Signatures.dingTalk(1577836800000L, "this is secret");

        // then: printf '1577836800000\nthis is secret' | openssl dgst -sha256 -hmac 'this is secret' -binary | base64
        assertThat(sign).isEqualTo("fFV9t5lBS7KH4+5B0JjR99ab+AJkXFauQXycgTkS/tc=");
        assertThat(URLEncoder.encode(sign, StandardCharsets.UTF_8))
                .isEqualTo("fFV9t5lBS7KH4%2B5B0JjR99ab%2BAJkXFauQXycgTkS%2Ftc%3D");
    }

    @Test
    void dingTalk_matchesAnIndependentlyComputedVector_forASecretAsTheAppShowsIt() {
        assertThat(Signatures.dingTalk(1599360473000L,
                "SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc"))
                .isEqualTo("N29eYOQple2Ya22thadNPx0JVwKmqv9TNoX+ZJ5tDUM=");
    }

    @Test
    void theTwoVendorsRulesDiffer_soOneCannotPassForTheOther() {
        assertThat(Signatures.dingTalk(1599360473000L, "demo")).isNotEqualTo(Signatures.feishu(1599360473L, "demo"));
        assertThat(Signatures.dingTalk(1599360473L, "demo")).isNotEqualTo(Signatures.feishu(1599360473L, "demo"));
    }
}
