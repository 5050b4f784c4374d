package huzhu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every SDK call a client makes, with when it started and ended (nanoTime) and, for DynamoDB, the response
 * itself (so a benchmark can read items and consumed capacity). Attached to a client as an
 * {@link ExecutionInterceptor}; the store under test does not know it is there.
 */
public final class OpLog implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("huzhu.bench.started");
    private static final ExecutionAttribute<String> READS = new ExecutionAttribute<>("huzhu.bench.reads");
    /** The partition-key prefix of a DynamoDB key: what kind of item is read, without whose. */
    private static final Pattern KEY_KIND = Pattern.compile("S=([A-Za-z_-]+)[#:]");

    /** One call: service, operation, start and end (nanoTime), and the SDK response (null if it failed). */
    public record Op(String service, String operation, String reads, long startNanos, long endNanos,
            SdkResponse response) {
        public double millis() {
            return (endNanos - startNanos) / 1e6;
        }
    }

    private final List<Op> ops = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
        attributes.putAttribute(READS, reads(context.request()));
    }

    /** For a timeline: the index and the kinds of keys a DynamoDB call names (no values, no phone numbers). */
    private static String reads(SdkRequest request) {
        StringBuilder sb = new StringBuilder();
        request.getValueForField("IndexName", String.class).ifPresent(i -> sb.append(i).append(' '));
        Matcher m = KEY_KIND.matcher(request.toString());
        java.util.Set<String> kinds = new java.util.LinkedHashSet<>();
        while (m.find()) kinds.add(m.group(1));
        sb.append(String.join(",", kinds));
        return sb.toString().trim();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        add(attributes, context.response());
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        add(attributes, null);
    }

    private void add(ExecutionAttributes attributes, SdkResponse response) {
        Long started = attributes.getAttribute(STARTED);
        Op op = new Op(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), attributes.getAttribute(READS),
                started == null ? System.nanoTime() : started, System.nanoTime(), response);
        synchronized (this) {
            ops.add(op);
        }
    }

    public synchronized List<Op> ops() {
        return List.copyOf(ops);
    }

    public synchronized void clear() {
        ops.clear();
    }

    /** Operation → how often, sorted by name. */
    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        for (Op op : ops) out.merge(op.operation(), 1, Integer::sum);
        return out;
    }
}
