package huzhu.robots;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks a robot's key, token and secret (as written and URL-encoded) in anything that leaves the robot as
 * text: a failure's detail may quote an exception or a vendor message, and neither may carry a credential
 * into a log line.
 */
final class Redaction {
    private static final String MASK = "***";
    private static final int MAX_DETAIL = 200;

    private final List<String> secrets = new ArrayList<>();

    Redaction(String... secrets) {
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) continue;
            this.secrets.add(secret);
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            if (!encoded.equals(secret)) this.secrets.add(encoded);
        }
        // longest first, so a secret that contains another is masked whole
        this.secrets.sort((a, b) -> b.length() - a.length());
    }

    String scrub(String text) {
        if (text == null) return "";
        String out = text;
        for (String secret : secrets) out = out.replace(secret, MASK);
        return out.length() <= MAX_DETAIL ? out : out.substring(0, MAX_DETAIL) + "…";
    }
}
