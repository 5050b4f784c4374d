package huzhu.robots;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * One attempt at one webhook, the part every vendor shares: send, read the vendor's code, let the vendor
 * classify it. Without a readable code the HTTP status decides: 429 throttled, 5xx transient, other 4xx
 * permanent. A network failure is transient.
 */
final class Webhook {

    /** A vendor's reading of its own codes. {@code status} is the HTTP status the code came with. */
    @FunctionalInterface
    interface Codes {
        PostResult classify(int status, VendorJson.Reply reply, String detail);
    }

    private static final int MAX_VENDOR_MESSAGE = 160;

    private Webhook() {
    }

    static PostResult send(WebhookTransport transport, URI uri, byte[] body, Codes codes, Redaction redaction) {
        WebhookTransport.Reply reply;
        try {
            reply = transport.postJson(uri, body);
        } catch (IOException | RuntimeException e) {
            return PostResult.transientFailure(redaction.scrub(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        Optional<VendorJson.Reply> vendor = VendorJson.reply(reply.body());
        if (vendor.isPresent()) {
            VendorJson.Reply r = vendor.get();
            String message = r.message().length() <= MAX_VENDOR_MESSAGE
                    ? r.message() : r.message().substring(0, MAX_VENDOR_MESSAGE) + "…";
            String detail = redaction.scrub("code " + r.code() + ": " + message + " (HTTP " + reply.status() + ")");
            return codes.classify(reply.status(), r, detail);
        }
        String detail = "HTTP " + reply.status() + " without a vendor code";
        int status = reply.status();
        if (status == 429) return PostResult.throttled(detail);
        if (status >= 500 || (status >= 200 && status < 300)) return PostResult.transientFailure(detail);
        return PostResult.permanentFailure(detail);
    }

    /**
     * A key, access token or hook id as the vendors issue them (a UUID, a hex string): it goes into a URL, so
     * nothing else is let through. The message names the setting, never its value.
     */
    static String requireToken(String value, String what) {
        if (value == null || !value.matches("[A-Za-z0-9_-]{8,128}")) {
            throw new IllegalArgumentException(what + " must be 8 to 128 letters, digits, '-' or '_'");
        }
        return value;
    }

    /** A signing secret: optional (null), but if given it must be more than blank. */
    static String optionalSecret(String value, String what) {
        if (value == null) return null;
        if (value.isBlank() || value.length() > 256) throw new IllegalArgumentException(what + " is blank or too long");
        return value;
    }

    /** The base URL without a trailing slash, so paths append cleanly. */
    static String base(URI baseUrl) {
        String s = baseUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** For codes a vendor does not single out: a server error may pass, a refused request will not. */
    static PostResult otherCode(int status, String detail) {
        return status >= 500 ? PostResult.transientFailure(detail) : PostResult.permanentFailure(detail);
    }
}
