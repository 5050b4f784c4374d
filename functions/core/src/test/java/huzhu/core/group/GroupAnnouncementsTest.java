package huzhu.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import huzhu.core.testing.RecordingGroup;
import huzhu.core.testing.RecordingMessenger;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupAnnouncementsTest {
    private final RecordingGroup group = new RecordingGroup(new RecordingMessenger());

    @Test
    void awaitPostedAfter_answersWhatTheWorkReturns_andWaitsForThePostsOnlyAfterTheWork() {
        // when
        List<Integer> awaitedDuringTheWork = group.awaitPostedAfter(group::awaited);

        // then
        assertThat(awaitedDuringTheWork).isEmpty();
        assertThat(group.awaited()).hasSize(1);
    }

    @Test
    void awaitPostedAfter_stillWaitsForThePosts_whenTheWorkThrows() {
        // when
        Throwable thrown = catchThrowable(() -> group.awaitPostedAfter(() -> {
            throw new IllegalStateException("store down");
        }));

        // then
        assertThat(thrown).hasMessage("store down");
        assertThat(group.awaited()).hasSize(1);
    }
}
