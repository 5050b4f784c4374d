package huzhu.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huzhu.aws.sns.Backoff;
import huzhu.aws.sns.SmsConfig;
import huzhu.aws.sns.SnsMessenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.testing.TestSms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * The metric filters behind SmsFailuresAlarm match the very line SnsMessenger writes when a send fails,
 * and not the one it writes when a send succeeds. CloudWatch Logs' JSON filter syntax is evaluated here for
 * the one form the template uses: {@code { ($.a = "x") && ($.b = "y") }}.
 */
class SmsFailureFilterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TERM = Pattern.compile("\\(\\s*\\$\\.([A-Za-z0-9_]+)\\s*=\\s*\"([^\"]*)\"\\s*\\)");

    @Test
    void smsFailureFilter_matchesAFailedSendLine_andNotASentOne() throws Exception {
        // given: SnsMessenger over an SNS that answers, writing its lines here
        List<String> lines = new ArrayList<>();
        SnsMessenger messenger = new SnsMessenger(new AnsweringSns(), SmsConfig.DEFAULTS, Backoff.NONE,
                d -> { }, () -> 0.5, lines::add);

        // when: one send that SNS accepts, one it never gets (not an E.164 number)
        messenger.send(new OutboundSms("+8613900000021", TestSms.saying("测试"), "i1"));
        messenger.send(new OutboundSms("not-a-number", TestSms.saying("测试"), "i1"));

        // then
        assertThat(lines).hasSize(2);
        for (String filter : smsFailureFilters()) {
            assertThat(matches(filter, lines.get(0))).as("%s on %s", filter, lines.get(0)).isFalse();
            assertThat(matches(filter, lines.get(1))).as("%s on %s", filter, lines.get(1)).isTrue();
        }
    }

    /** The FilterPattern of every metric filter feeding the metric SmsFailuresAlarm watches. */
    private static List<String> smsFailureFilters() {
        Template template = Template.ofThisRepository();
        Object metric = template.properties("SmsFailuresAlarm").get("MetricName");
        List<String> out = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            if (!"AWS::Logs::MetricFilter".equals(Template.map(r).get("Type"))) return;
            Map<String, Object> p = template.properties(id);
            Object name = Template.map(Template.list(p.get("MetricTransformations")).get(0)).get("MetricName");
            if (name.equals(metric)) out.add((String) p.get("FilterPattern"));
        });
        assertThat(out).isNotEmpty();
        return out;
    }

    /** {@code { (term) && (term) … }}: every {@code $.field = "value"} holds. Fails on any other syntax. */
    private static boolean matches(String filter, String line) throws Exception {
        String body = filter.strip();
        assertThat(body).startsWith("{").endsWith("}");
        body = body.substring(1, body.length() - 1).strip();
        Map<String, String> terms = new LinkedHashMap<>();
        Matcher m = TERM.matcher(body);
        StringBuilder rebuilt = new StringBuilder();
        while (m.find()) {
            terms.put(m.group(1), m.group(2));
            if (!rebuilt.isEmpty()) rebuilt.append(" && ");
            rebuilt.append(m.group());
        }
        assertThat(rebuilt.toString().replaceAll("\\s+", "")).as("supported filter syntax")
                .isEqualTo(body.replaceAll("\\s+", ""));
        JsonNode json = JSON.readTree(line);
        for (var t : terms.entrySet()) {
            JsonNode v = json.get(t.getKey());
            if (v == null || !v.isTextual() || !v.asText().equals(t.getValue())) return false;
        }
        return true;
    }

    /** An SNS that accepts every publish. */
    private static final class AnsweringSns implements SnsClient {
        @Override
        public PublishResponse publish(PublishRequest request) {
            return PublishResponse.builder().messageId("m-1").build();
        }

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {
        }
    }
}
