package huzhu.sms.china;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** One HTTP POST and its answer; the production one is {@link UrlConnectionPost}. */
@FunctionalInterface
public interface HttpPost {
    /** The answer as received: any status, its body decoded as UTF-8. */
    record Reply(int status, String body) {
    }

    /** @throws IOException when no answer came (refused, timed out, reset) */
    Reply post(URI uri, Map<String, String> headers, byte[] body) throws IOException;
}
