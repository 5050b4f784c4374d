package huzhu.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import huzhu.core.error.DependencyFailure;
import huzhu.core.kernel.Ids;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SendResult;
import huzhu.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local {@link Messenger}: instead of SNS, every SMS is appended as one JSON line to
 * {@code outbox.jsonl} in the data directory and forced to disk before {@link #send} returns, so what was
 * "sent" survives a crash or restart. The file is read back at start; a torn last line (a crash
 * mid-write) is skipped and logged.
 */
public final class OutboxMessenger implements Messenger, AutoCloseable {
    public static final String FILE_NAME = "outbox.jsonl";

    private final Path file;
    private final Clock clock;
    private final Ids ids;
    private final FileChannel channel;
    private final List<OutboxEntry> entries = new ArrayList<>();

    public OutboxMessenger(Path dataDir, Clock clock, Ids ids) {
        this.file = dataDir.resolve(FILE_NAME);
        this.clock = clock;
        this.ids = ids;
        try {
            Files.createDirectories(dataDir);
            DataDir.createOwnerOnly(file);
            boolean endsMidLine = load();
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (endsMidLine) write(new byte[] {'\n'});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the SMS outbox " + file, e);
        }
    }

    @Override
    public synchronized SendResult send(OutboundSms sms) {
        if (!Phones.isE164(sms.to())) return SendResult.failed("not an E.164 phone number", true);
        if (sms.body() == null || sms.body().isEmpty()) return SendResult.failed("empty message", true);
        OutboxEntry entry = new OutboxEntry(ids.newId(), sms.to(), sms.body(), clock.instant(), sms.incidentId(),
                sms.sms().templateName(), sms.sms().variables(), null, null);
        append(entry);
        return SendResult.sent(entry.messageId());
    }

    /**
     * Records what a provider's adapter sent (the local stack on a provider's stand-in), so the outbox and the SMS
     * simulator show it: the form the provider got, its template id, the provider's message id.
     */
    public synchronized void record(OutboundSms asked, RenderedSms form, String templateId, SendResult result,
            String provider) {
        if (!result.ok()) return;
        RenderedSms sent = form == null ? asked.sms() : form;
        append(new OutboxEntry(result.messageId(), asked.to(), sent.text(), clock.instant(), asked.incidentId(),
                sent.templateName(), sent.variables(), provider, templateId));
    }

    private void append(OutboxEntry entry) {
        try {
            write((Json.mapper().writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DependencyFailure("cannot write the SMS outbox " + file, e);
        }
        entries.add(entry);
    }

    /** Every SMS sent, oldest first. */
    public synchronized List<OutboxEntry> sent() {
        return List.copyOf(entries);
    }

    /** Every SMS sent to this E.164 number, oldest first. */
    public synchronized List<OutboxEntry> sentTo(String e164) {
        return entries.stream().filter(e -> e.to().equals(e164)).toList();
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            JsonLog.warn("outbox.close", Map.of("error", e.getClass().getName()));
        }
    }

    private void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) channel.write(buffer);
        channel.force(false);
    }

    /** @return whether the file ends without a newline, so the next line must start on a fresh one */
    private boolean load() throws IOException {
        if (!Files.exists(file)) return false;
        byte[] content = Files.readAllBytes(file);
        int skipped = 0;
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            try {
                OutboxEntry entry = Json.mapper().readValue(line, OutboxEntry.class);
                if (entry.messageId() != null && entry.to() != null) {
                    entries.add(entry);
                    continue;
                }
            } catch (JsonProcessingException e) {
                // counted below
            }
            skipped++;
        }
        if (skipped > 0) JsonLog.warn("outbox.load", Map.of("file", file.toString(), "skippedLines", skipped));
        return content.length > 0 && content[content.length - 1] != '\n';
    }
}
