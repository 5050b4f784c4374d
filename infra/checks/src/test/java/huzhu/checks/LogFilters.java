package huzhu.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huzhu.testing.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric filters of template.yaml, and CloudWatch Logs' JSON filter syntax evaluated for the one form the
 * template uses: {@code { ($.a = "x") && ($.b = "y") }}.
 */
final class LogFilters {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TERM = Pattern.compile("\\(\\s*\\$\\.([A-Za-z0-9_]+)\\s*=\\s*\"([^\"]*)\"\\s*\\)");

    private LogFilters() {
    }

    /** The FilterPattern of every metric filter feeding the metric the alarm {@code alarmId} watches. */
    static List<String> feeding(String alarmId) {
        SamTemplate template = SamTemplate.ofThisRepository();
        Object metric = template.properties(alarmId).get("MetricName");
        List<String> out = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            if (!"AWS::Logs::MetricFilter".equals(SamTemplate.map(r).get("Type"))) return;
            Map<String, Object> p = template.properties(id);
            Object name = SamTemplate.map(SamTemplate.list(p.get("MetricTransformations")).get(0)).get("MetricName");
            if (name.equals(metric)) out.add((String) p.get("FilterPattern"));
        });
        assertThat(out).isNotEmpty();
        return out;
    }

    /** {@code { (term) && (term) … }}: every {@code $.field = "value"} holds. Fails on any other syntax. */
    static boolean matches(String filter, String line) throws Exception {
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
}
