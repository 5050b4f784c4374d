package huzhu.local;

import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.AckKeySource;
import huzhu.core.incident.AckTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The local stack's ack link key: generated on the first start into {@code ack-key} in the data dir (owner
 * read/write only where the file system has permissions), and read from there afterwards, so links in SMS
 * already sent still open after a restart. What Secrets Manager is to the deployed stack.
 */
public final class LocalAckKey implements AckKeySource {
    static final String FILE = "ack-key";

    private final Path file;

    public LocalAckKey(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    @Override
    public byte[] ackKey() {
        try {
            if (!Files.exists(file)) create();
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length < AckTokens.MIN_KEY_BYTES) throw new IllegalStateException(file + " holds too short a key");
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new DependencyFailure("reading the ack link key " + file + " failed", e);
        }
    }

    private void create() throws IOException {
        String encoded = Base64.getEncoder().encodeToString(AckTokens.newKey()) + "\n";
        Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException noPosix) {
                // Windows: the data dir's own permissions apply
            }
            Files.writeString(tmp, encoded, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            // two stacks starting on one data dir at once: the first key written wins, the other is dropped
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException raced) {
            // the other stack's key stands
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
