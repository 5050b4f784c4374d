package huzhu.console;

import huzhu.core.error.Invalid;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Spreadsheets in the format Excel and WPS save (Office Open XML, .xlsx), written and read with the JDK alone
 * (java.util.zip and the StAX reader), because the libraries that do it are megabytes in a Lambda jar whose
 * budget is 15 MB (Apache POI with its XML beans alone is larger). What the union exchanges is one sheet of text
 * and numbers with a header row: that is all this writes (inline strings, a bold frozen header, column widths) and
 * all it reads (the first sheet; shared, inline and formula strings, numbers, booleans). Reading refuses a file
 * that unpacks beyond {@link #MAX_UNPACKED} bytes or declares a DTD (a zip or XML bomb).
 */
final class Xlsx {
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final long MAX_UNPACKED = 20L * 1024 * 1024;
    static final int MAX_ROWS = 5000;
    private static final int MAX_WIDTH = 60;

    private Xlsx() {
    }

    /** One sheet: its tab's name, the header row, and the rows (String, Number, Boolean or null per cell). */
    record Sheet(String name, List<String> header, List<List<Object>> rows) {
    }

    // ---------------------------------------------------------------- writing

    static byte[] write(Sheet sheet) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>""".formatted(
                    escape(sheetName(sheet.name()))));
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                    </Relationships>""");
            entry(zip, "xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                    <fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>\
                    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                    <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
                    </styleSheet>""");
            entry(zip, "xl/worksheets/sheet1.xml", sheetXml(sheet));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sheetXml(Sheet sheet) {
        StringBuilder x = new StringBuilder(4096 + sheet.rows().size() * 200);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
                .append("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" ")
                .append("activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><cols>");
        for (int c = 0; c < sheet.header().size(); c++) {
            x.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1).append("\" width=\"")
                    .append(width(sheet, c)).append("\" customWidth=\"1\"/>");
        }
        x.append("</cols><sheetData>");
        List<Object> header = new ArrayList<>(sheet.header());
        row(x, 1, header, true);
        for (int r = 0; r < sheet.rows().size(); r++) row(x, r + 2, sheet.rows().get(r), false);
        return x.append("</sheetData></worksheet>").toString();
    }

    private static void row(StringBuilder x, int number, List<Object> cells, boolean bold) {
        x.append("<row r=\"").append(number).append("\">");
        for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            if (v == null) continue;
            String ref = column(c) + number;
            if (v instanceof Number n) {
                x.append("<c r=\"").append(ref).append("\"><v>").append(new BigDecimal(n.toString()).toPlainString())
                        .append("</v></c>");
            } else if (v instanceof Boolean b) {
                x.append("<c r=\"").append(ref).append("\" t=\"b\"><v>").append(b ? 1 : 0).append("</v></c>");
            } else {
                x.append("<c r=\"").append(ref).append('"').append(bold ? " s=\"1\"" : "")
                        .append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">").append(escape(v.toString()))
                        .append("</t></is></c>");
            }
        }
        x.append("</row>");
    }

    /** Wide enough for the longest value of the column (a CJK character counts twice), within reason. */
    private static int width(Sheet sheet, int c) {
        int widest = visualLength(sheet.header().get(c));
        for (List<Object> row : sheet.rows()) {
            if (c < row.size() && row.get(c) != null) widest = Math.max(widest, visualLength(row.get(c).toString()));
        }
        return Math.min(MAX_WIDTH, widest + 2);
    }

    private static int visualLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) n += s.charAt(i) > 0x2E80 ? 2 : 1;
        return n;
    }

    /** 0 → A, 25 → Z, 26 → AA. */
    static String column(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) s.insert(0, (char) ('A' + (i - 1) % 26));
        return s.toString();
    }

    /** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
    private static String sheetName(String name) {
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return clean.isEmpty() ? "Sheet1" : clean.length() > 31 ? clean.substring(0, 31) : clean;
    }

    /** XML text: the five entities escaped, and characters XML 1.0 cannot hold left out. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') out.append(ch);
                }
            }
        }
        return out.toString();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    // ---------------------------------------------------------------- reading

    /** The first sheet's rows, each cell as text ("" for an empty one); 422 on {@code file} for what is no .xlsx. */
    static List<List<String>> read(byte[] xlsx) {
        Map<String, byte[]> parts = unzip(xlsx);
        String sheetPath = firstSheet(parts);
        byte[] sheet = parts.get(sheetPath);
        if (sheet == null) throw Invalid.of("file", "invalid.xlsx");
        List<String> shared = parts.containsKey("xl/sharedStrings.xml") ? sharedStrings(parts.get("xl/sharedStrings.xml"))
                : List.of();
        try {
            return cells(sheet, shared);
        } catch (XMLStreamException | RuntimeException e) {
            throw Invalid.of("file", "invalid.xlsx");
        }
    }

    private static Map<String, byte[]> unzip(byte[] xlsx) {
        Map<String, byte[]> parts = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx), StandardCharsets.UTF_8)) {
            byte[] buf = new byte[8192];
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                boolean wanted = name.equals("xl/workbook.xml") || name.equals("xl/_rels/workbook.xml.rels")
                        || name.equals("xl/sharedStrings.xml") || name.startsWith("xl/worksheets/") && name.endsWith(".xml");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int n = zip.read(buf); n > 0; n = zip.read(buf)) {
                    total += n;
                    if (total > MAX_UNPACKED) throw Invalid.of("file", "invalid.xlsx.tooLarge");
                    if (wanted) out.write(buf, 0, n);
                }
                if (wanted) parts.put(name, out.toByteArray());
            }
        } catch (IOException e) {
            throw Invalid.of("file", "invalid.xlsx");
        }
        if (parts.isEmpty()) throw Invalid.of("file", "invalid.xlsx");
        return parts;
    }

    /** The workbook's first sheet, through the workbook's relationships; sheet1.xml when they do not say. */
    private static String firstSheet(Map<String, byte[]> parts) {
        try {
            String rid = null;
            if (parts.containsKey("xl/workbook.xml")) {
                XMLStreamReader r = reader(parts.get("xl/workbook.xml"));
                while (r.hasNext() && rid == null) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheet")) {
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            if (r.getAttributeLocalName(i).equals("id")) rid = r.getAttributeValue(i);
                        }
                    }
                }
            }
            if (rid != null && parts.containsKey("xl/_rels/workbook.xml.rels")) {
                XMLStreamReader r = reader(parts.get("xl/_rels/workbook.xml.rels"));
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && rid.equals(r.getAttributeValue(null, "Id"))) {
                        String target = r.getAttributeValue(null, "Target");
                        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw Invalid.of("file", "invalid.xlsx");
        }
        return "xl/worksheets/sheet1.xml";
    }

    private static List<String> sharedStrings(byte[] xml) {
        List<String> out = new ArrayList<>();
        try {
            XMLStreamReader r = reader(xml);
            StringBuilder current = null;
            boolean inPhonetic = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "si" -> current = new StringBuilder();
                        case "rPh" -> inPhonetic = true;
                        case "t" -> {
                            String text = r.getElementText();
                            if (current != null && !inPhonetic) current.append(text);
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("si") && current != null) out.add(current.toString());
                    if (r.getLocalName().equals("rPh")) inPhonetic = false;
                }
            }
        } catch (XMLStreamException e) {
            throw Invalid.of("file", "invalid.xlsx");
        }
        return out;
    }

    private static List<List<String>> cells(byte[] xml, List<String> shared) throws XMLStreamException {
        List<List<String>> rows = new ArrayList<>();
        XMLStreamReader r = reader(xml);
        List<String> row = null;
        String type = null;
        int col = -1;
        String value = null;
        StringBuilder inline = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "row" -> {
                        int number = Integer.parseInt(r.getAttributeValue(null, "r") == null
                                ? Integer.toString(rows.size() + 1) : r.getAttributeValue(null, "r"));
                        if (number > MAX_ROWS + 1) throw Invalid.of("file", "invalid.csv.tooManyRows");
                        while (rows.size() < number - 1) rows.add(new ArrayList<>());
                        row = new ArrayList<>();
                        col = -1;
                    }
                    case "c" -> {
                        type = r.getAttributeValue(null, "t");
                        String ref = r.getAttributeValue(null, "r");
                        col = ref == null ? col + 1 : columnIndex(ref);
                        value = null;
                        inline = null;
                    }
                    case "v" -> value = r.getElementText();
                    case "is" -> inline = new StringBuilder();
                    case "t" -> {
                        String text = r.getElementText();
                        if (inline != null) inline.append(text);
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (r.getLocalName().equals("c") && row != null) {
                    while (row.size() < col) row.add("");
                    row.add(text(type, value, inline, shared));
                } else if (r.getLocalName().equals("row") && row != null) {
                    rows.add(row);
                    row = null;
                }
            }
        }
        return rows;
    }

    private static String text(String type, String value, StringBuilder inline, List<String> shared) {
        if ("inlineStr".equals(type)) return inline == null ? "" : inline.toString();
        if (value == null) return "";
        if ("s".equals(type)) return shared.get(Integer.parseInt(value.strip()));
        if ("b".equals(type)) return "1".equals(value.strip()) ? "是" : "否";
        if ("str".equals(type) || "e".equals(type)) return value;
        // a number: a phone stored as one reads back as its digits, never 1.3900000001E10
        try {
            return new BigDecimal(value.strip()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** "C7" → 2. */
    static int columnIndex(String ref) {
        int n = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            n = n * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return n - 1;
    }

    private static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        InputStream in = new ByteArrayInputStream(xml);
        return f.createXMLStreamReader(in, "UTF-8");
    }
}
