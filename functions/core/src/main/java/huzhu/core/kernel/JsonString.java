package huzhu.core.kernel;

/**
 * A JSON string literal, quoted and escaped: the one escaper of the log lines and of the JSON the adapters write
 * by hand. Control characters are escaped as Jackson escapes them (the short forms, else <code>&#92;u00XX</code> in upper
 * case), so JSON written by hand is byte for byte what the ObjectMapper writes for the same text. {@code asciiOnly}
 * escapes everything outside printable ASCII too (in lower case, as log lines always had it), so a log line means
 * the same whatever charset the runtime gives System.out (Chinese text included).
 */
public final class JsonString {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] CONTROL_HEX = "0123456789ABCDEF".toCharArray();

    private JsonString() {
    }

    public static StringBuilder append(StringBuilder out, String s, boolean asciiOnly) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(CONTROL_HEX[c >> 4]).append(CONTROL_HEX[c & 0xf]);
                    } else if (asciiOnly && c > 0x7e) {
                        out.append("\\u");
                        for (int shift = 12; shift >= 0; shift -= 4) out.append(HEX[(c >> shift) & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
