package huzhu.core.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreadsheet text as rows of cells (RFC 4180: quoted cells may hold the delimiter, line breaks and
 * doubled quotes). What officers export from Excel or WPS: a UTF-8 byte order mark, CRLF line ends,
 * tabs when copied straight from the sheet, or the full-width comma of a Chinese input method.
 */
public final class Csv {
    private Csv() {
    }

    /** Every record, cells untrimmed; a record that is only a line break is left out. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        if (text == null || text.isEmpty()) return rows;
        String s = text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        char delimiter = delimiter(s);
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
            } else if (c == delimiter) {
                row.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
                row.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
                if (!(row.size() == 1 && row.get(0).isEmpty())) rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
                cellStarted = true;
            }
        }
        if (cellStarted || cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** Comma, unless the header line has none and has tabs, semicolons or full-width commas instead. */
    static char delimiter(String s) {
        int end = s.indexOf('\n');
        String header = end < 0 ? s : s.substring(0, end);
        if (header.indexOf(',') >= 0) return ',';
        if (header.indexOf('\t') >= 0) return '\t';
        if (header.indexOf('，') >= 0) return '，';
        if (header.indexOf(';') >= 0) return ';';
        return ',';
    }
}
