package huzhu.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fields of a query string or of an {@code application/x-www-form-urlencoded} body, as the stand-ins of AWS and
 * Cognito read what the code under test sent them: decoded, by name (a name stands once in those requests).
 */
public final class FormFields {
    private FormFields() {
    }

    /** @param raw {@code a=1&b=x%20y}, as sent; null or empty for none */
    public static SortedMap<String, String> parse(String raw) {
        SortedMap<String, String> out = new TreeMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(name, value);
        }
        return out;
    }
}
