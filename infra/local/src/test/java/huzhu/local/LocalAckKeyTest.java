package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.DirectoryService.AreaInput;
import huzhu.core.directory.DirectoryService.MemberInput;
import huzhu.core.directory.DirectoryService.VolunteerInput;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher.NewIncident;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Language;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.SequentialIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAckKeyTest {
    @TempDir
    Path dataDir;

    @Test
    void theFirstStart_generatesAKey_readableOnlyByItsOwner_andLaterStartsReadTheSameOne() throws Exception {
        // when
        byte[] first = new LocalAckKey(dataDir).ackKey();
        byte[] second = new LocalAckKey(dataDir).ackKey();

        // then
        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
        Path file = dataDir.resolve(LocalAckKey.FILE);
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void anAckLinkSentBeforeARestart_stillOpensAfterIt() {
        // given: an incident alerted on the first run of the stack
        Map<String, String> env = Map.of("HUZHU_PORT", "0", "HUZHU_ADMIN_TOKEN", "restart-admin-token-1",
                "HUZHU_SWEEP_SECONDS", "86400", "HUZHU_DATA_DIR", dataDir.toString());
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T00:00:00Z"));
        String path;
        try (LocalStack first = LocalStack.start(LocalConfig.from(env, dataDir), clock, new SequentialIds(5))) {
            first.services().directory().createVolunteer(new VolunteerInput("刘强", "13911110011",
                    new AreaInput("武汉市", "江汉区"), null, null, true, null, null));
            var member = first.services().directory().createMember(new MemberInput("王建国", "13911110001", null,
                    new AreaInput("武汉市", "江汉区"), null, null, List.of(), null));
            Incident incident = first.services().dispatcher().open(new NewIncident(null, member.id(),
                    IncidentType.MEDICAL, "胸口疼", null, new Reporter(member.phone(), null, Channel.HTTP, true),
                    Language.ZH_CN));
            String sms = first.outbox().sentTo("+8613911110011").get(0).body();
            path = sms.substring(sms.indexOf("/v1/acks/")).split("\\s")[0];
            assertThat(incident.alerts()).hasSize(1);
        }

        // when
        try (LocalStack second = LocalStack.start(LocalConfig.from(env, dataDir), clock, new SequentialIds(6))) {
            LocalApi.Reply page = new LocalApi(second.baseUrl(), null).get(path);

            // then
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("胸口疼");
        }
    }

    @Test
    void twoDataDirs_haveTwoKeys(@TempDir Path other) {
        assertThat(new LocalAckKey(dataDir).ackKey()).isNotEqualTo(new LocalAckKey(other).ackKey());
    }
}
