package huzhu.testing;

import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * What a test throws when the machine lacks a program it drives (cfn-lint, Chromium, Node.js): on a developer's
 * machine the test is skipped and says why; under CI ({@code CI=true}, which {@code .ci/run} sets) it fails,
 * because a skipped check there would pass a build whose check never ran.
 */
public final class MachineTools {
    private MachineTools() {
    }

    /** Usage: {@code throw MachineTools.missing("cfn-lint is not installed (pip install cfn-lint)")}. */
    public static RuntimeException missing(String what) {
        return missing(what, System.getenv());
    }

    static RuntimeException missing(String what, Map<String, String> environment) {
        if ("true".equalsIgnoreCase(environment.get("CI"))) {
            return new IllegalStateException(what + " — required under CI=true: .ci/run must install it");
        }
        return new TestAbortedException(what + " — skipped here; under CI=true this fails");
    }
}
