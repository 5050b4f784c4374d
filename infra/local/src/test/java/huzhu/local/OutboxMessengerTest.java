package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.sms.OutboundSms;
import huzhu.core.testing.TestSms;
import huzhu.core.sms.SendResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMessengerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:30:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @Test
    void sentSms_isRecordedWithAMessageId_andSurvivesAReopen() {
        // given
        List<OutboxEntry> before;
        try (OutboxMessenger outbox = new OutboxMessenger(dataDir, clock, new CountingIds())) {
            SendResult first = outbox.send(new OutboundSms("+8613800138000", TestSms.saying("事件 A7K，回复1接单"), "inc-1"));
            SendResult second = outbox.send(new OutboundSms("+8613900139000", TestSms.saying("事件已撤销"), null));
            assertThat(first.ok()).isTrue();
            assertThat(first.messageId()).isNotEqualTo(second.messageId());
            before = outbox.sent();
        }

        // when
        try (OutboxMessenger reopened = new OutboxMessenger(dataDir, clock, new CountingIds())) {
            // then
            assertThat(reopened.sent()).isEqualTo(before);
            assertThat(reopened.sent()).containsExactly(
                    new OutboxEntry("id-1", "+8613800138000", "【互助】T1报告人补充：事件 A7K，回复1接单", NOW, "inc-1", "relay",
                            Map.of("code", "T1", "text", "事件 A7K，回复1接单"), null, null),
                    new OutboxEntry("id-2", "+8613900139000", "【互助】T1报告人补充：事件已撤销", NOW, null, "relay",
                            Map.of("code", "T1", "text", "事件已撤销"), null, null));
        }
    }

    @Test
    void eachSms_isOnDisk_beforeSendReturns() throws Exception {
        // given
        try (OutboxMessenger outbox = new OutboxMessenger(dataDir, clock, new CountingIds())) {
            // when
            outbox.send(new OutboundSms("+8613800138000", TestSms.saying("第一条"), "inc-1"));

            // then
            List<String> lines = Files.readAllLines(outbox.file(), StandardCharsets.UTF_8);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains("\"messageId\":\"id-1\"").contains("第一条");
        }
    }

    @Test
    void sentTo_listsOnlyThatRecipient_oldestFirst() {
        try (OutboxMessenger outbox = new OutboxMessenger(dataDir, clock, new CountingIds())) {
            // given
            outbox.send(new OutboundSms("+8613800138000", TestSms.saying("a"), "inc-1"));
            outbox.send(new OutboundSms("+8613900139000", TestSms.saying("b"), "inc-1"));
            outbox.send(new OutboundSms("+8613800138000", TestSms.saying("c"), "inc-2"));

            // when
            List<OutboxEntry> mine = outbox.sentTo("+8613800138000");

            // then
            assertThat(mine).extracting(e -> e.variables().get("text")).containsExactly("a", "c");
        }
    }

    @Test
    void recipientNotInE164_failsPermanently_andIsNotRecorded() {
        try (OutboxMessenger outbox = new OutboxMessenger(dataDir, clock, new CountingIds())) {
            // when
            SendResult result = outbox.send(new OutboundSms("13800138000", TestSms.saying("hi"), null));

            // then
            assertThat(result.ok()).isFalse();
            assertThat(result.permanent()).isTrue();
            assertThat(outbox.sent()).isEmpty();
        }
    }

    @Test
    void tornLastLine_isSkippedAtStart_andTheNextSmsStartsOnAFreshLine() throws Exception {
        // given a crash in the middle of the second line
        Files.writeString(dataDir.resolve(OutboxMessenger.FILE_NAME),
                "{\"messageId\":\"m-1\",\"to\":\"+8613800138000\",\"body\":\"ok\",\"sentAt\":\"2026-03-01T08:00:00Z\","
                        + "\"incidentId\":\"inc-1\"}\n{\"messageId\":\"m-2\",\"to\":\"+86139",
                StandardCharsets.UTF_8);

        // when
        try (OutboxMessenger outbox = new OutboxMessenger(dataDir, clock, new CountingIds())) {
            assertThat(outbox.sent()).extracting(OutboxEntry::messageId).containsExactly("m-1");
            outbox.send(new OutboundSms("+8613900139000", TestSms.saying("after the crash"), null));
        }

        // then
        try (OutboxMessenger reopened = new OutboxMessenger(dataDir, clock, new CountingIds())) {
            assertThat(reopened.sent()).extracting(OutboxEntry::body).containsExactly("ok", "【互助】T1报告人补充：after the crash");
        }
    }
}
