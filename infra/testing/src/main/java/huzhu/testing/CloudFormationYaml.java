package huzhu.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads a CloudFormation/SAM template, turning the short-form tags into their long form the way
 * CloudFormation does: {@code !Ref X} → {@code {Ref: X}}, {@code !Sub s} → {@code {Fn::Sub: s}},
 * {@code !GetAtt A.B} → {@code {Fn::GetAtt: [A, B]}}, and so on for every intrinsic function.
 */
public final class CloudFormationYaml {
    private static final List<String> FUNCTIONS = List.of("And", "Base64", "Cidr", "Equals", "FindInMap",
            "GetAtt", "GetAZs", "If", "ImportValue", "Join", "Length", "Not", "Or", "Select", "Split", "Sub",
            "ToJsonString", "Transform");

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(Path file) throws IOException {
        return (Map<String, Object>) new Yaml(new Constructor()).load(Files.readString(file));
    }

    private static final class Constructor extends SafeConstructor {
        Constructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String fn : FUNCTIONS) yamlConstructors.put(new Tag("!" + fn), new Intrinsic("Fn::" + fn));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) value = constructScalar(scalar);
                else if (node instanceof SequenceNode sequence) value = constructSequence(sequence);
                else value = constructMapping((MappingNode) node);
                if (key.equals("Fn::GetAtt") && value instanceof String s) value = List.of(s.split("\\.", 2));
                return Map.of(key, value);
            }
        }
    }
}
