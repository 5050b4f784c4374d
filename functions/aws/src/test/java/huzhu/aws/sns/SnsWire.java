package huzhu.aws.sns;

import huzhu.aws.AwsApi;
import huzhu.aws.AwsClients;
import huzhu.testing.FormFields;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The SNS wire format as the SDK (AWS query protocol) sends and reads it: form-encoded requests,
 * {@code PublishResponse} and {@code ErrorResponse} XML bodies as SNS returns them.
 */
final class SnsWire {
    static final String XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";

    private SnsWire() {
    }

    /** The production SNS API, pointed at a stand-in with static credentials. */
    static AwsApi client(String endpoint) {
        AwsClients clients = new AwsClients(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")),
                UrlConnectionHttpClient.create());
        return SnsClients.build(clients, URI.create(endpoint));
    }

    static String publishResponse(String messageId) {
        return "<PublishResponse xmlns=\"" + XMLNS + "\">\n"
                + "  <PublishResult>\n"
                + "    <MessageId>" + messageId + "</MessageId>\n"
                + "  </PublishResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</PublishResponse>\n";
    }

    static String errorResponse(String type, String code, String message) {
        return "<ErrorResponse xmlns=\"" + XMLNS + "\">\n"
                + "  <Error>\n"
                + "    <Type>" + type + "</Type>\n"
                + "    <Code>" + code + "</Code>\n"
                + "    <Message>" + message + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>9b0d7c1e-2f6a-5b1e-9a8e-2a4f0c6d7e11</RequestId>\n"
                + "</ErrorResponse>\n";
    }

    /** An {@code application/x-www-form-urlencoded} body as a sorted map (keys are unique in query requests). */
    static Map<String, String> form(String body) {
        return FormFields.parse(body);
    }

    /** A message attribute as sent: its DataType and StringValue. */
    record Attribute(String dataType, String stringValue) {
    }

    /** {@code MessageAttributes.entry.N.Name / .Value.DataType / .Value.StringValue}, keyed by name. */
    static Map<String, Attribute> messageAttributes(Map<String, String> form) {
        Map<String, Attribute> out = new LinkedHashMap<>();
        for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            String prefix = "MessageAttributes.entry." + n;
            out.put(form.get(prefix + ".Name"), new Attribute(form.get(prefix + ".Value.DataType"),
                    form.get(prefix + ".Value.StringValue")));
        }
        return out;
    }
}
