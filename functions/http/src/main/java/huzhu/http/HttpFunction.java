package huzhu.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.group.GroupAnnouncements;

/**
 * What one HTTP function serves: its routes, behind its edge. Each request teaches {@code config} the public address
 * it came in on (once the edge has vouched for it: functions without a configured public URL build their links on
 * it), and the answer waits a moment for the group posts the request made ({@link GroupAnnouncements#awaitPosted}):
 * a function's last step before it returns, since Lambda freezes it after. SnapStart priming runs {@code routes}
 * alone, with no edge in front.
 */
public record HttpFunction(Router routes, Edge edge, ServiceConfig config, GroupAnnouncements group) {

    public HttpFunction(Router routes, Edge edge, Services services) {
        this(routes, edge, services.config(), services.group());
    }

    public APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event) {
        return group.awaitPostedAfter(() -> Http.serve(event, edge, routes, config::learnPublicBaseUrl));
    }
}
