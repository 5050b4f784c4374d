package huzhu.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for stdout and reads every log line as it is written: a line is JSON (JsonLog), so its strings
 * are decoded (JsonLog escapes Chinese as {@code \\uXXXX}) and searched for any full phone number — the
 * given ones in every spelling, and anything shaped like a phone — and for the given addresses. Lines are
 * not kept, only counted, so a long run costs no memory.
 */
public final class LogScan extends PrintStream {
    /** A whole CN mobile (11 digits from 1[3-9]) or E.164 number, not part of a longer run of digits. */
    private static final Pattern FULL_PHONE = Pattern.compile("(?<![0-9*])(?:\\+?86)?1[3-9]\\d{9}(?![0-9*])|\\+[1-9]\\d{7,14}(?![0-9*])");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> phones;
    private final List<String> addresses;
    private final List<String> leaks = new ArrayList<>();
    private long lines;
    private long jsonLines;

    private LogScan(Line line, Collection<String> phones, Collection<String> addresses) {
        super(line, true, StandardCharsets.UTF_8);
        this.phones = new ArrayList<>();
        for (String p : phones) {
            this.phones.add(p);
            if (p.startsWith("+86")) this.phones.add(p.substring(3));
        }
        this.addresses = List.copyOf(addresses);
        line.scan = this;
    }

    public static LogScan of(Collection<String> phones, Collection<String> addresses) {
        return new LogScan(new Line(), phones, addresses);
    }

    public synchronized long lines() {
        return lines;
    }

    public synchronized long jsonLines() {
        return jsonLines;
    }

    /** What leaked, one entry per offending line (cut to 300 characters). */
    public synchronized List<String> leaks() {
        return List.copyOf(leaks);
    }

    private synchronized void scan(String line) {
        if (line.isBlank()) return;
        lines++;
        StringBuilder text = new StringBuilder();
        try {
            JsonNode json = JSON.readTree(line);
            jsonLines++;
            collect(json, text);
        } catch (Exception notJson) {
            text.append(line);
        }
        String decoded = text.toString();
        String why = null;
        for (String p : phones) {
            if (decoded.contains(p)) why = "phone " + p;
        }
        Matcher m = FULL_PHONE.matcher(decoded);
        if (why == null && m.find()) why = "phone-shaped " + m.group();
        for (String a : addresses) {
            if (decoded.contains(a)) why = "address " + a;
        }
        if (why != null) leaks.add(why + " in: " + (line.length() > 300 ? line.substring(0, 300) : line));
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(node.asText()).append('\n');
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append(e.getKey()).append('\n');
                collect(e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) collect(n, out);
        } else {
            out.append(node.asText()).append('\n');
        }
    }

    /** Splits what is written into lines and hands each to the scan. */
    private static final class Line extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private LogScan scan;

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else {
                buffer.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) write(b[i]);
        }

        private void flushLine() {
            String line = buffer.toString(StandardCharsets.UTF_8);
            buffer.reset();
            scan.scan(line);
        }
    }
}
