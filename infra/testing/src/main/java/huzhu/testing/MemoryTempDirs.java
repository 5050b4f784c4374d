package huzhu.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Where a test's {@code @TempDir} goes: into memory (Linux's /dev/shm) when the machine has room there, otherwise
 * the usual temporary directory. The embedded store and the SMS outbox force every commit to disk, as they must for
 * the local stack; a test's throw-away data dir need not pay a disk flush per write — on this machine's disk that is
 * milliseconds each, thousands of times in a story. Chosen for a module's tests by
 * {@code junit.jupiter.tempdir.factory.default} in its junit-platform.properties.
 */
public final class MemoryTempDirs implements TempDirFactory {
    private static final Path MEMORY = Path.of("/dev/shm");
    /** A container's /dev/shm is often 64 MB: too small to trust with a test's data. */
    private static final long ENOUGH = 1L << 30;

    @Override
    public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext)
            throws IOException {
        return create("junit");
    }

    /** A new directory, in memory where there is room; the caller deletes it. */
    public static Path create(String prefix) throws IOException {
        return roomy(MEMORY) ? Files.createTempDirectory(MEMORY, prefix) : Files.createTempDirectory(prefix);
    }

    private static boolean roomy(Path dir) {
        try {
            return Files.isDirectory(dir) && Files.isWritable(dir) && Files.getFileStore(dir).getUsableSpace() > ENOUGH;
        } catch (IOException e) {
            return false;
        }
    }
}
