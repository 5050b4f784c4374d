package huzhu.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.error.DependencyFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SecretsAheadTest {
    private static final String EDGE = "HUZHU_EDGE_SECRET";
    private final List<String> reads = new CopyOnWriteArrayList<>();

    private SecretsAhead secrets(Map<String, String> env) {
        return new SecretsAhead(env, variable -> {
            reads.add(variable + " on " + Thread.currentThread().getName());
            return "secret of " + variable;
        });
    }

    @Test
    void aSecretReadAhead_isReadOnce_besideTheCaller_andHandedOverWhenNeeded() {
        SecretsAhead secrets = secrets(Map.of(EDGE, "arn:aws:secretsmanager:cn-north-1:1:secret:edge"));

        secrets.start(EDGE);
        secrets.start(EDGE);
        String value = secrets.value(EDGE);

        assertThat(value).isEqualTo("secret of " + EDGE);
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0)).startsWith(EDGE + " on huzhu-read-ahead-");
    }

    @Test
    void aVariableThatNamesNoSecret_startsNothing_andIsReadWhenNeeded_asBefore() {
        SecretsAhead secrets = secrets(Map.of(EDGE, " "));

        secrets.start(EDGE);
        assertThat(reads).isEmpty();

        secrets.value(EDGE);
        assertThat(reads).containsExactly(EDGE + " on " + Thread.currentThread().getName());
    }

    @Test
    void aReadThatFailed_failsInitAsItWouldHave_withItsOwnException() {
        DependencyFailure unreachable = new DependencyFailure("reading the secret edge failed", null);
        SecretsAhead secrets = new SecretsAhead(Map.of(EDGE, "arn"), variable -> {
            throw unreachable;
        });

        secrets.start(EDGE);

        assertThatThrownBy(() -> secrets.value(EDGE)).isSameAs(unreachable);
    }
}
