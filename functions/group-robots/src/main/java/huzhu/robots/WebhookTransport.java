package huzhu.robots;

import java.io.IOException;
import java.net.URI;

/** Sends one JSON body to a webhook and reads the reply: the only network code the robots share. */
public interface WebhookTransport {

    record Reply(int status, String body) {
    }

    Reply postJson(URI uri, byte[] json) throws IOException;
}
