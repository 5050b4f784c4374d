package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
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
    void twoDataDirs_haveTwoKeys(@TempDir Path other) {
        assertThat(new LocalAckKey(dataDir).ackKey()).isNotEqualTo(new LocalAckKey(other).ackKey());
    }
}
