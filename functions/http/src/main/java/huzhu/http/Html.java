package huzhu.http;

import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-rendered pages for people on a phone: a template from the classpath whose {@code {{key}}}
 * placeholders are message-bundle texts and whose {@code {{=name}}} placeholders are values, all
 * HTML-escaped. Templates are read once.
 */
public final class Html {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(=?)([A-Za-z0-9_.\\-]+)}}");

    private final String template;

    private Html(String template) {
        this.template = template;
    }

    public static Html template(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("page template missing: " + resource);
            return new Html(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String render(Language language, Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(template);
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
