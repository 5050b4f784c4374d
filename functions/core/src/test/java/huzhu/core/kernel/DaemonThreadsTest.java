package huzhu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/** Our pools' threads never keep a JVM alive and say whose they are. */
class DaemonThreadsTest {

    @Test
    void named_givesDaemonsOfThatName() {
        // given
        ThreadFactory threads = DaemonThreads.named("huzhu-sweep");

        // when
        Thread first = threads.newThread(() -> { });
        Thread second = threads.newThread(() -> { });

        // then
        assertThat(first.isDaemon()).isTrue();
        assertThat(first.getName()).isEqualTo("huzhu-sweep");
        assertThat(second.getName()).isEqualTo("huzhu-sweep");
    }

    @Test
    void numbered_countsFromOne_perFactory() {
        // given
        ThreadFactory http = DaemonThreads.numbered("huzhu-http-");
        ThreadFactory reads = DaemonThreads.numbered("huzhu-read-ahead-");

        // when
        Thread first = http.newThread(() -> { });
        Thread second = http.newThread(() -> { });
        Thread other = reads.newThread(() -> { });

        // then
        assertThat(first.isDaemon()).isTrue();
        assertThat(first.getName()).isEqualTo("huzhu-http-1");
        assertThat(second.getName()).isEqualTo("huzhu-http-2");
        assertThat(other.getName()).isEqualTo("huzhu-read-ahead-1");
    }
}
