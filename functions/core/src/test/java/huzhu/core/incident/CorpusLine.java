package huzhu.core.incident;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One form of a corpus file beside the tests: {@code EXPECTED | BODY}, the body everything after "| " as typed;
 * blank lines and lines starting with # are skipped.
 */
record CorpusLine(String head, String body, int line) {

    static List<CorpusLine> read(String resource) throws IOException {
        List<CorpusLine> forms = new ArrayList<>();
        try (InputStream in = CorpusLine.class.getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) continue;
                int bar = line.indexOf(" | ");
                forms.add(new CorpusLine(line.substring(0, bar).trim(), line.substring(bar + 3), i + 1));
            }
        }
        return forms;
    }
}
