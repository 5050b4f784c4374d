package huzhu.http;

/**
 * One route's work: request in, response out. It may throw anything; {@link Http#serve} turns domain
 * failures into their status and everything else into 503.
 */
@FunctionalInterface
public interface Route {
    ApiResponse handle(ApiRequest request) throws Exception;
}
