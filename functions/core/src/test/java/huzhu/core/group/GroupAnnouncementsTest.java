package huzhu.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupAnnouncementsTest {
    private final List<String> steps = new ArrayList<>();
    private final GroupAnnouncements group = new GroupAnnouncements() {
        @Override
        public void announce(GroupFact fact) {
        }

        @Override
        public boolean awaitPosted(Duration max) {
            steps.add("awaited " + max.toMillis() + " ms");
            return true;
        }
    };

    @Test
    void awaitPostedAfter_answersWhatTheWorkReturns_afterWaitingForThePosts() {
        // when
        String answer = group.awaitPostedAfter(() -> {
            steps.add("worked");
            return "200";
        });

        // then
        assertThat(answer).isEqualTo("200");
        assertThat(steps).containsExactly("worked", "awaited 1500 ms");
    }

    @Test
    void awaitPostedAfter_stillWaitsForThePosts_whenTheWorkThrows() {
        // when
        Throwable thrown = catchThrowable(() -> group.awaitPostedAfter(() -> {
            throw new IllegalStateException("store down");
        }));

        // then
        assertThat(thrown).hasMessage("store down");
        assertThat(steps).containsExactly("awaited 1500 ms");
    }
}
