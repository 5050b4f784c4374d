package huzhu.core.kernel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The little JSON the adapters need (the vendors' APIs and pushes, the hot functions' Lambda events), read and
 * written without a library: objects become
 * {@code LinkedHashMap<String, Object>}, arrays {@code ArrayList<Object>}, numbers {@link BigDecimal}, and
 * strings, booleans and null themselves. Keeping Jackson out keeps it out of the jars of the
 * functions that do not already carry it, and off the hot functions' cold start (their events are read with it).
 */
public final class JsonText {
    /** Pushes and API answers are small; anything nested deeper than this is not one of them. */
    private static final int MAX_DEPTH = 32;

    private JsonText() {
    }

    /** Thrown for text that is not one JSON value. */
    public static final class Malformed extends IllegalArgumentException {
        Malformed(String message, int at) {
            super(message + " at offset " + at);
        }
    }

    public static Object parse(String text) {
        return parse(text, false);
    }

    /** As {@link #parse(String)}, and an object naming one key twice is malformed too. */
    public static Object parseUniqueKeys(String text) {
        return parse(text, true);
    }

    private static Object parse(String text, boolean uniqueKeys) {
        if (text == null) throw new Malformed("no JSON", 0);
        Reader r = new Reader(text, uniqueKeys);
        r.skipSpace();
        Object value = r.value(0);
        r.skipSpace();
        if (r.pos != text.length()) throw new Malformed("trailing characters", r.pos);
        return value;
    }

    /** The value of {@code key} as text: strings as they are, numbers in plain notation, else null. */
    public static String text(Map<?, ?> object, String key) {
        Object v = object.get(key);
        if (v instanceof String s) return s;
        if (v instanceof BigDecimal n) return n.stripTrailingZeros().toPlainString();
        if (v instanceof Boolean b) return b.toString();
        return null;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> array(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : null;
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(128);
        write(out, value, JsonText::plain, false);
        return out.toString();
    }

    private static Object plain(Object value) {
        return value instanceof Number || value instanceof Boolean ? value : value.toString();
    }

    /**
     * Writes {@code value}: maps as objects, collections as arrays, null as null; any other value as {@code leaf} shows
     * it, a number or boolean as it is and anything else as a string ({@code asciiOnly}: everything outside printable
     * ASCII escaped, see {@link JsonString}).
     */
    public static void write(StringBuilder out, Object value, Function<Object, Object> leaf, boolean asciiOnly) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) out.append(',');
                first = false;
                JsonString.append(out, String.valueOf(e.getKey()), asciiOnly);
                out.append(':');
                write(out, e.getValue(), leaf, asciiOnly);
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) out.append(',');
                first = false;
                write(out, item, leaf, asciiOnly);
            }
            out.append(']');
        } else {
            Object shown = leaf.apply(value);
            if (shown instanceof Number || shown instanceof Boolean) out.append(shown);
            else JsonString.append(out, String.valueOf(shown), asciiOnly);
        }
    }

    private static final class Reader {
        final String s;
        final boolean uniqueKeys;
        int pos;

        Reader(String s, boolean uniqueKeys) {
            this.s = s;
            this.uniqueKeys = uniqueKeys;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) throw new Malformed("nested too deep", pos);
            if (pos >= s.length()) throw new Malformed("unexpected end", pos);
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) yield number();
                    throw new Malformed("unexpected '" + c + "'", pos);
                }
            };
        }

        Map<String, Object> object(int depth) {
            Map<String, Object> out = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return out;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') throw new Malformed("expected a key", pos);
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                if (uniqueKeys && out.containsKey(key)) throw new Malformed("duplicate key", pos);
                out.put(key, value(depth + 1));
                skipSpace();
                char c = next();
                if (c == '}') return out;
                if (c != ',') throw new Malformed("expected ',' or '}'", pos - 1);
            }
        }

        List<Object> array(int depth) {
            List<Object> out = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return out;
            }
            while (true) {
                skipSpace();
                out.add(value(depth + 1));
                skipSpace();
                char c = next();
                if (c == ']') return out;
                if (c != ',') throw new Malformed("expected ',' or ']'", pos - 1);
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') return out.toString();
                if (c < 0x20) throw new Malformed("control character in string", pos - 1);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) throw new Malformed("short \\u escape", pos);
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            int digit = Character.digit(s.charAt(pos + i), 16);
                            if (digit < 0) throw new Malformed("bad \\u escape", pos);
                            code = code * 16 + digit;
                        }
                        out.append((char) code);
                        pos += 4;
                    }
                    default -> throw new Malformed("bad escape '\\" + e + "'", pos - 1);
                }
            }
        }

        /** RFC 8259's number: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}. */
        BigDecimal number() {
            int start = pos;
            if (peek() == '-') pos++;
            if (pos < s.length() && s.charAt(pos) == '0') {
                pos++;
            } else if (digits() == 0) {
                throw new Malformed("bad number", start);
            }
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                if (digits() == 0) throw new Malformed("bad number", start);
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
                if (digits() == 0) throw new Malformed("bad number", start);
            }
            if (pos < s.length() && "0123456789.eE+-".indexOf(s.charAt(pos)) >= 0) throw new Malformed("bad number", start);
            try {
                return new BigDecimal(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new Malformed("bad number", start);
            }
        }

        private int digits() {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
            return pos - start;
        }

        Object literal(String word, Object value) {
            if (!s.startsWith(word, pos)) throw new Malformed("unexpected token", pos);
            pos += word.length();
            return value;
        }

        void skipSpace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\uFEFF') return;
                pos++;
            }
        }

        char peek() {
            if (pos >= s.length()) throw new Malformed("unexpected end", pos);
            return s.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char c) {
            if (next() != c) throw new Malformed("expected '" + c + "'", pos - 1);
        }
    }
}
