package huzhu.http;

import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-rendered pages for people on a phone: a template from the classpath whose {@code {{key}}}
 * placeholders are message-bundle texts and whose {@code {{=name}}} placeholders are values, all
 * HTML-escaped. {@code {{#name}}…{{/name}}} is shown only when the value {@code name} is given, {@code
 * {{^name}}…{{/name}}} only when it is not. Templates are read once. A template's inline {@code <script>} and {@code <style>} hold no
 * placeholder (texts a script needs go in data attributes), so their hashes are fixed and the page's
 * Content-Security-Policy allows exactly them and nothing else inline.
 *
 * <p>A template that starts with {@code {{>head}}} gets the head every such page shares (doctype, charset, viewport,
 * not indexed: the links are personal) from {@code head.html} beside this class; {@code lang} is the language the
 * page is rendered in.
 */
public final class Html {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(=?)([A-Za-z0-9_.\\-]+)}}");
    private static final Pattern SECTION = Pattern.compile("\\{\\{([#^])([A-Za-z0-9_.\\-]+)}}(.*?)\\{\\{/\\2}}", Pattern.DOTALL);
    private static final Pattern INLINE_CODE = Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL);
    private static final String HEAD = read(Html.class, "/huzhu/http/head.html").stripTrailing();

    private final String template;
    private final String contentSecurityPolicy;

    private Html(String template, String name) {
        this.template = template;
        List<String> scripts = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        Matcher m = INLINE_CODE.matcher(template);
        while (m.find()) {
            if (PLACEHOLDER.matcher(m.group(2)).find() || m.group(2).contains("{{")) {
                throw new IllegalStateException("the inline " + m.group(1) + " of " + name + " holds a placeholder");
            }
            (m.group(1).equals("script") ? scripts : styles).add(hashSource(m.group(2)));
        }
        this.contentSecurityPolicy = policy(scripts, styles);
    }

    public static Html template(Class<?> owner, String resource) {
        return new Html(read(owner, resource).replace("{{>head}}", HEAD), resource);
    }

    private static String read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("page template missing: " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rendered page as a response, under this template's own Content-Security-Policy. */
    public ApiResponse response(int status, Language language, Map<String, ?> values) {
        return ApiResponse.html(status, render(language, values))
                .withHeader("Content-Security-Policy", contentSecurityPolicy);
    }

    /** {@link ApiResponse#PAGE_POLICY}, plus the hashes of this template's inline script and style. */
    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    public String render(Language language, Map<String, ?> given) {
        Map<String, Object> values = new HashMap<>(given);
        values.put("lang", (language == null ? Language.DEFAULT : language).wire());
        Matcher m = PLACEHOLDER.matcher(withSections(values));
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            String name = m.group(2);
            String text;
            if (m.group(1).isEmpty()) {
                text = Messages.text(language, name, values);
            } else {
                Object v = values.get(name);
                text = v == null ? "" : v.toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escape(text)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The template with each section kept or dropped, by whether its value is given. */
    private String withSections(Map<String, ?> values) {
        Matcher m = SECTION.matcher(template);
        StringBuilder out = new StringBuilder(template.length());
        while (m.find()) {
            boolean given = values.get(m.group(2)) != null;
            boolean shown = m.group(1).equals("#") == given;
            m.appendReplacement(out, Matcher.quoteReplacement(shown ? m.group(3) : ""));
        }
        return m.appendTail(out).toString();
    }

    private static String policy(List<String> scripts, List<String> styles) {
        StringBuilder p = new StringBuilder("default-src 'none'");
        // fetch() back to the page's own address is all a page script does
        if (!scripts.isEmpty()) p.append("; script-src ").append(String.join(" ", scripts)).append("; connect-src 'self'");
        if (!styles.isEmpty()) p.append("; style-src ").append(String.join(" ", styles));
        return p.append(ApiResponse.PAGE_POLICY.substring("default-src 'none'".length())).toString();
    }

    private static String hashSource(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
