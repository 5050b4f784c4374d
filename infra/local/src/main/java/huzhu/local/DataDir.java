package huzhu.local;

import huzhu.core.log.JsonLog;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory (HUZHU_DATA_DIR) holds the outbox, whose SMS carry live ack and trigger links, the database
 * and the ack link key: the directory is the owner's only (0700) and so is every file in it (0600), also when an
 * earlier version left them readable to others. Where the file system has no POSIX permissions (Windows), the
 * directory's inherited access applies.
 */
final class DataDir {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DataDir() {
    }

    /** Creates {@code dir} owner-only, or makes an existing one and the files in it owner-only. */
    static void prepare(Path dir) throws IOException {
        if (!POSIX) {
            Files.createDirectories(dir);
            return;
        }
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        if (!Files.getPosixFilePermissions(dir).equals(DIRECTORY)) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
            JsonLog.info("dataDir.ownerOnly", "dir", dir.toString());
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && !Files.getPosixFilePermissions(f).equals(FILE)) {
                    Files.setPosixFilePermissions(f, FILE);
                }
            }
        }
    }

    /** Creates {@code file} empty and owner-only if it does not exist yet, before anything writes to it. */
    static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                    : new FileAttribute<?>[0]);
        } catch (FileAlreadyExistsException exists) {
            // prepare() made it owner-only
        }
    }
}
