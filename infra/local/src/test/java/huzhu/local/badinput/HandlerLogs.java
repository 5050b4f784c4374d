package huzhu.local.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huzhu.core.kernel.PhoneMask;
import huzhu.local.LogScan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.lifecycle.AroundTryHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.TryExecutionResult;
import net.jqwik.api.lifecycle.TryExecutor;
import net.jqwik.api.lifecycle.TryLifecycleContext;

/**
 * What the handlers log during one try of a property is read here instead of going to the build's output (thousands
 * of tries, thousands of lines). A refusal may log a warning; a try whose log has a failure in it (an ERROR line, a
 * stack trace, a line that is not JSON) or a phone number or address in full fails, with those lines. A try that
 * fails otherwise (a 5xx, a refusal that changed data) shows what was logged during it, in jqwik's report. Phone
 * numbers are masked in what is shown.
 */
final class HandlerLogs implements AroundTryHook {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public TryExecutionResult aroundTry(TryLifecycleContext context, TryExecutor aTry, List<Object> parameters) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
        TryExecutionResult result;
        try {
            result = aTry.execute(parameters);
        } finally {
            System.setOut(stdout);
        }
        List<String> lines = logged.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        if (!result.isSatisfied()) return result.withFootnotes(lines.stream().map(l -> "logged: " + shown(l)).toList());
        List<String> wrong = wrong(lines);
        if (wrong.isEmpty()) return result;
        return TryExecutionResult.falsified(new AssertionError("the handlers logged a failure or a phone number or "
                + "address in full:\n" + String.join("\n", wrong.stream().map(HandlerLogs::shown).toList())));
    }

    /** A line as the build's output shows it: even a phone number the handlers leaked is masked there. */
    private static String shown(String line) {
        return PhoneMask.scrub(line);
    }

    private static List<String> wrong(List<String> lines) {
        List<String> wrong = new ArrayList<>();
        for (String line : lines) {
            JsonNode json = readJson(line);
            if (json == null) wrong.add("not a JSON line: " + line);
            else if (json.path("level").asText().equals("ERROR") || json.has("stackTrace")) wrong.add(line);
        }
        LogScan scan = LogScan.of(SmallUnion.PHONES, List.of(SmallUnion.HOME_ADDRESS));
        lines.forEach(scan::println);
        wrong.addAll(scan.leaks());
        return wrong;
    }

    private static JsonNode readJson(String line) {
        try {
            JsonNode json = JSON.readTree(line);
            return json != null && json.isObject() ? json : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
