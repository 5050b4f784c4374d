package huzhu.checks;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.testing.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The DynamoDB actions template.yaml grants are exactly the operations the store issues at run time: every
 * one of them goes through {@code huzhu.aws.dynamo.Table} ({@code call("GetItem", () -> client.getItem(…))}),
 * which turns SDK failures into the domain's DependencyFailure. Table creation (local stack, tests) is not
 * among them and is not granted.
 */
class DataAccessTest {

    @Test
    void grantedDynamoDbActions_areExactlyTheOperationsTheStoreIssues() throws IOException {
        // given
        SamTemplate template = SamTemplate.ofThisRepository();
        String table = Files.readString(template.root().resolve(
                Path.of("functions/aws/src/main/java/huzhu/aws/dynamo/Table.java")));

        // when: the operations Table names, and the client methods it calls
        Set<String> named = all(Pattern.compile("call\\(\"([A-Za-z]+)\""), table);
        Set<String> called = new TreeSet<>();
        all(Pattern.compile("client\\.([a-zA-Z]+)\\("), table)
                .forEach(m -> called.add(Character.toUpperCase(m.charAt(0)) + m.substring(1)));
        Set<String> granted = new TreeSet<>();
        for (Object o : SamTemplate.list(SamTemplate.map(template.properties("DataAccessPolicy").get("PolicyDocument"))
                .get("Statement"))) {
            Object action = SamTemplate.map(o).get("Action");
            List<Object> actions = action instanceof List<?> l ? new ArrayList<>(l) : List.of(action);
            actions.forEach(a -> granted.add(((String) a).substring("dynamodb:".length())));
        }

        // then
        assertThat(named).isNotEmpty().isEqualTo(called);
        assertThat(granted).isEqualTo(named);
    }

    @Test
    void queries_mayReadTheIndexes_andEveryOtherActionOnlyTheTable() {
        // given
        SamTemplate template = SamTemplate.ofThisRepository();

        // then
        for (Object o : SamTemplate.list(SamTemplate.map(template.properties("DataAccessPolicy").get("PolicyDocument"))
                .get("Statement"))) {
            Map<String, Object> s = SamTemplate.map(o);
            Object resource = s.get("Resource");
            if ("dynamodb:Query".equals(s.get("Action"))) {
                assertThat(resource).isEqualTo(List.of(Map.of("Fn::GetAtt", List.of("Table", "Arn")),
                        Map.of("Fn::Sub", "${Table.Arn}/index/*")));
            } else {
                assertThat(resource).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "Arn")));
            }
        }
    }

    private static Set<String> all(Pattern p, String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
