package huzhu.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda {@link Context} of one local invocation: a request id, the function's name and ARN, a
 * remaining time counted down from the function timeout, and a logger writing lines to stdout (the
 * handlers already log JSON lines).
 */
public final class LocalContext implements Context {
    /** What template.yaml's Globals give every function. */
    public static final int TIMEOUT_MILLIS = 30_000;
    public static final int MEMORY_MB = 512;

    private static final LambdaLogger STDOUT = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
            System.out.println(new String(message, StandardCharsets.UTF_8));
        }
    };

    private final String requestId;
    private final String functionName;
    private final String functionArn;
    private final long deadlineNanos;

    public LocalContext(LocalAws aws, String function, String requestId) {
        this.requestId = requestId;
        this.functionName = "huzhu-local-" + function;
        this.functionArn = aws.arn("lambda", "function:" + functionName);
        this.deadlineNanos = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    }

    @Override
    public int getMemoryLimitInMB() {
        return MEMORY_MB;
    }

    @Override
    public LambdaLogger getLogger() {
        return STDOUT;
    }
}
