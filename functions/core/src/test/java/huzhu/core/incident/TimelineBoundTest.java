package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.longFamilyText;
import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Member;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An incident's history stays within what one stored incident can hold, however much a worried family texts: the
 * oldest of what people typed is merged into one line saying how many it stands for; the opening line, every step
 * and the newest lines stay.
 */
class TimelineBoundTest {
    private final World world = new World();
    private final Member member = world.add(Fixtures.member("m-1").phone(phone(1)).home("杭州", "西湖区")
            .family("王德福", "父亲", phone(2)).build());

    @Test
    void threeHundredLongRelays_keepTheHistoryWithinItsBound_andEveryOneIsCounted() {
        // given
        world.add(Fixtures.volunteer("v-1").phone(phone(11)).area("杭州", "西湖区").build());
        Incident incident = world.openFor(member, phone(2), "王德福");
        world.dispatcher().respond(incident.id(), "v-1", Action.ACCEPT);
        int stepsBefore = world.incident(incident.id()).timeline().size();

        // when
        for (int n = 1; n <= 300; n++) world.dispatcher().relay(incident.id(), longFamilyText(n), phone(2));

        // then
        Incident now = world.incident(incident.id());
        assertThat(now.timeline()).hasSizeLessThanOrEqualTo(TimelineBound.MAX_ENTRIES);
        assertThat(now.timeline().stream().mapToInt(e -> e.text().getBytes(StandardCharsets.UTF_8).length
                + e.texts().values().stream().mapToInt(t -> t.getBytes(StandardCharsets.UTF_8).length).sum()).sum())
                .isLessThanOrEqualTo(3 * TimelineBound.MAX_TEXT_CHARS);
        assertThat(now.timeline().get(0).kind()).isEqualTo("opened");
        assertThat(World.kinds(now)).contains("accepted");
        TimelineEntry merged = now.timeline().stream().filter(e -> e.kind().equals(TimelineBound.MERGED))
                .findFirst().orElseThrow();
        long relaysKept = now.timeline().stream().filter(e -> e.kind().equals("relay")).count();
        assertThat(merged.merged() + relaysKept).isEqualTo(300);
        assertThat(merged.text()).contains("较早的 " + merged.merged() + " 条记录");
        assertThat(now.timeline().get(now.timeline().size() - 1).text()).contains("第300条");
        assertThat(now.timeline()).filteredOn(e -> e.merged() > 0).hasSize(1);
        assertThat(stepsBefore).isGreaterThan(1);
    }

    @Test
    void aShortHistory_isKeptAsItIs() {
        // given
        Incident incident = world.openFor(member, phone(2), "王德福");

        // when
        for (int n = 1; n <= 20; n++) world.dispatcher().relay(incident.id(), "到哪了？" + n, phone(2));

        // then
        assertThat(world.incident(incident.id()).timeline()).noneMatch(e -> e.merged() > 0)
                .filteredOn(e -> e.kind().equals("relay")).hasSize(20);
    }
}
