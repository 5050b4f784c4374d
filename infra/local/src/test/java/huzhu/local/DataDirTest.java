package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import huzhu.core.kernel.Language;
import huzhu.core.sms.OutboundSms;
import huzhu.core.testing.TestSms;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's data directory holds the outbox (every SMS sent, live ack and trigger links among them),
 * the database and the ack link key: only the user running the stack may read any of it.
 */
class DataDirTest {
    @TempDir
    Path parent;

    @BeforeEach
    void posixFileSystem() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "owner-only permissions are POSIX permissions");
    }

    @Test
    void aNewDataDir_isOwnerOnly_andSoIsEveryFileTheStackWritesInIt() throws IOException {
        // given
        Path dir = parent.resolve("data");

        // when
        try (LocalStack stack = start(dir)) {
            stack.outbox().send(new OutboundSms("+8613800138000", TestSms.saying("事件 A7K，回复1接单"), "inc-1"));
        }

        // then
        assertThat(permissions(dir)).isEqualTo("rwx------");
        assertThat(files(dir)).extracting(f -> f.getFileName().toString())
                .contains(OutboxMessenger.FILE_NAME, LocalAckKey.FILE);
        assertThat(files(dir)).allSatisfy(f -> assertThat(permissions(f)).as(f.toString()).isEqualTo("rw-------"));
    }

    @Test
    void aDataDirLeftReadableToOthers_isMadeOwnerOnly_whenTheStackStarts() throws IOException {
        // given a data dir from an earlier version, readable by everyone
        Path dir = Files.createDirectories(parent.resolve("data"));
        Files.writeString(dir.resolve(OutboxMessenger.FILE_NAME), "");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve(OutboxMessenger.FILE_NAME), PosixFilePermissions.fromString("rw-r--r--"));

        // when
        try (LocalStack stack = start(dir)) {
            // then
            assertThat(permissions(dir)).isEqualTo("rwx------");
            assertThat(files(dir)).allSatisfy(f -> assertThat(permissions(f)).as(f.toString()).isEqualTo("rw-------"));
        }
    }

    private static LocalStack start(Path dir) {
        return LocalStack.start(LocalConfig.from(Map.of("HUZHU_PORT", "0", "HUZHU_SWEEP_SECONDS", "86400",
                "HUZHU_DATA_DIR", dir.toString()), dir), Clock.systemUTC(), new CountingIds());
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
