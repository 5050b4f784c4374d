package huzhu.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every HTML page the functions serve must carry, and what its markup may hold, said as a list of what is
 * wrong (empty: nothing). The links in these pages' URLs are secrets (trigger and ack tokens), so: no framing,
 * no referrer, no sniffing, HTTPS remembered for two years, and a Content-Security-Policy that runs only the
 * page's own inline script and style, by hash.
 */
public final class PageSecurity {
    public static final String HSTS = "max-age=63072000; includeSubDomains";

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style[^>]*>(.*?)</style>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER_ATTRIBUTE = Pattern.compile("<[^>]+\\son[a-z]+\\s*=",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[^>]+\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    private PageSecurity() {
    }

    /** What is wrong with a page served with these headers (looked up whatever their case) and this body. */
    public static List<String> problems(Map<String, String> headers, String html) {
        List<String> problems = new ArrayList<>();
        expect(problems, headers, "Strict-Transport-Security", HSTS);
        expect(problems, headers, "X-Content-Type-Options", "nosniff");
        expect(problems, headers, "Referrer-Policy", "no-referrer");
        String csp = header(headers, "Content-Security-Policy");
        if (csp == null) {
            problems.add("no Content-Security-Policy");
            return problems;
        }
        for (String required : List.of("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'",
                "form-action 'none'")) {
            if (!directives(csp).contains(required)) problems.add("CSP lacks " + required + ": " + csp);
        }
        for (String loose : List.of("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:",
                "https:")) {
            if (List.of(csp.split("[;\\s]+")).contains(loose)) problems.add("CSP allows " + loose + ": " + csp);
        }
        hashed(problems, csp, "script-src", INLINE_SCRIPT, html);
        hashed(problems, csp, "style-src", INLINE_STYLE, html);
        if (EVENT_HANDLER_ATTRIBUTE.matcher(html).find()) problems.add("an inline event handler attribute");
        if (STYLE_ATTRIBUTE.matcher(html).find()) problems.add("an inline style attribute");
        return problems;
    }

    /** The SHA-256 source expression of an inline script's or style's text, as a CSP names it. */
    public static String hashSource(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void hashed(List<String> problems, String csp, String directive, Pattern blocks, String html) {
        String sources = directive(csp, directive);
        Matcher m = blocks.matcher(html == null ? "" : html);
        while (m.find()) {
            String hash = hashSource(m.group(1));
            if (sources == null || !List.of(sources.split("\\s+")).contains(hash)) {
                problems.add(directive + " does not allow the page's inline block " + hash + ": " + csp);
            }
        }
    }

    private static List<String> directives(String csp) {
        List<String> out = new ArrayList<>();
        for (String d : csp.split(";")) out.add(d.strip().replaceAll("\\s+", " "));
        return out;
    }

    private static String directive(String csp, String name) {
        for (String d : directives(csp)) {
            if (d.equals(name) || d.startsWith(name + " ")) return d.substring(name.length()).strip();
        }
        return null;
    }

    private static void expect(List<String> problems, Map<String, String> headers, String name, String value) {
        String actual = header(headers, name);
        if (!value.equals(actual)) problems.add(name + " is " + actual + ", not " + value);
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) return null;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        return null;
    }
}
