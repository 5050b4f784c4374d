package huzhu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A whole list read through, page after page. */
class PageTest {

    @Test
    void readAll_followsTheCursorsToTheLastPage_atTheLargestPageSize() {
        // given 450 rows, served a page at a time by their position
        List<Integer> rows = IntStream.range(0, 450).boxed().toList();
        List<PageRequest> asked = new ArrayList<>();

        // when
        List<Integer> all = Page.readAll(request -> {
            asked.add(request);
            int from = request.cursor() == null ? 0 : Integer.parseInt(request.cursor());
            int to = Math.min(from + request.limit(), rows.size());
            return new Page<>(rows.subList(from, to), to < rows.size() ? Integer.toString(to) : null);
        });

        // then
        assertThat(all).isEqualTo(rows);
        assertThat(asked).extracting(PageRequest::cursor).containsExactly(null, "200", "400");
        assertThat(asked).allSatisfy(r -> assertThat(r.limit()).isEqualTo(PageRequest.MAX_LIMIT));
    }

    @Test
    void readAll_ofAnEmptyList_asksOnce() {
        // given
        List<PageRequest> asked = new ArrayList<>();

        // when
        List<String> all = Page.readAll(request -> {
            asked.add(request);
            return new Page<>(List.of(), null);
        });

        // then
        assertThat(all).isEmpty();
        assertThat(asked).hasSize(1);
    }
}
