package huzhu.checks;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.testing.MachineTools;
import huzhu.testing.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * template.yaml through cfn-lint, AWS's CloudFormation linter: it applies the SAM transform (as
 * CloudFormation will) and checks every resulting resource against the CloudFormation resource
 * specification of each region named — property names and types, allowed values, references, circular
 * dependencies, features missing in a region. The machine image ships it (pip package cfn-lint, with
 * aws-sam-translator; Debian has no package of it); without it this test is skipped and says so, and under CI
 * ({@code CI=true}) it fails.
 */
class CfnLintIT {

    /** Regions a union would deploy in; cn-north-1 lacks SnapStart and Cognito user pools (README). */
    private static final List<String> REGIONS = List.of("us-east-1", "ap-east-1", "ap-southeast-1", "eu-west-1");

    @Test
    void template_passesCfnLint_afterTheSamTransform_inEveryRegionAUnionWouldUse() throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--regions"));
        arguments.addAll(REGIONS);
        arguments.addAll(List.of("--", "template.yaml"));
        passes(arguments);
    }

    @Test
    void theEdgeWebAcl_passesCfnLint_inUsEast1_whereCloudFrontsWebAclsLive() throws Exception {
        passes(List.of("--regions", "us-east-1", "--", "infra/edge/web-acl.yaml"));
    }

    private static void passes(List<String> arguments) throws Exception {
        // given
        SamTemplate template = SamTemplate.ofThisRepository();
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable"));
        command.addAll(arguments);

        // when
        Process lint;
        try {
            lint = new ProcessBuilder(command).directory(template.root().toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            throw MachineTools.missing("cfn-lint is not installed (pip install cfn-lint): " + notInstalled);
        }
        boolean finished = lint.waitFor(180, TimeUnit.SECONDS);
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) lint.destroyForcibly();

        // then: exit 0 means no error, no warning and no informational finding
        assertThat(finished).as("cfn-lint finished").isTrue();
        assertThat(output).as("cfn-lint findings").isEmpty();
        assertThat(lint.exitValue()).isZero();
    }
}
