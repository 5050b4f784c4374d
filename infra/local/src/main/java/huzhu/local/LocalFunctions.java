package huzhu.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import java.util.Objects;

/**
 * The functions of template.yaml, as the Lambda runtime sees them. The local stack passes the real
 * handlers; tests pass lambdas.
 */
public record LocalFunctions(
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> trigger,
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> ack,
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> consoleApi,
        RequestHandler<SNSEvent, Void> smsInbound,
        RequestHandler<ScheduledEvent, Map<String, Object>> escalation,
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> providerPush) {

    public LocalFunctions {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(consoleApi, "consoleApi");
        Objects.requireNonNull(smsInbound, "smsInbound");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(providerPush, "providerPush");
    }

    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> http(LocalRoutes.Target target) {
        return switch (target) {
            case TRIGGER -> trigger;
            case ACK -> ack;
            case CONSOLE_API -> consoleApi;
            case PROVIDER_PUSH -> providerPush;
            default -> throw new IllegalArgumentException(target + " is not an HTTP function");
        };
    }
}
