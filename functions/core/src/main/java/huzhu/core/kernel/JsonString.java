package huzhu.core.kernel;

/**
 * A JSON string literal, quoted and escaped: the one escaper of the log lines and of the JSON the adapters write
 * by hand. {@code asciiOnly} escapes everything outside printable ASCII too, so a log line means the same whatever
 * charset the runtime gives System.out (Chinese text included).
 */
public final class JsonString {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

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
                default -> {
                    if (c < 0x20 || (asciiOnly && c > 0x7e)) {
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
