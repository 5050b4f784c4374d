package huzhu.console;

import huzhu.core.kernel.Actor;
import huzhu.http.ApiRequest;
import huzhu.http.ApiResponse;
import huzhu.http.Caller;
import huzhu.http.Role;

/**
 * What the console's route classes share: who may read (every role), operate (admin and officer) and administer
 * (admin only), and the small steps of a route — the read guard, a body the caller's role may send, the caller as
 * the audit log names them, a JSON 200 or 201.
 */
final class Routes {
    static final Role[] READ = {Role.ADMIN, Role.OFFICER, Role.VIEWER};
    static final Role[] OPERATE = {Role.ADMIN, Role.OFFICER};
    static final Role[] ADMIN = {Role.ADMIN};

    private Routes() {
    }

    interface Read<T> {
        T get();
    }

    static <T> T read(ApiRequest req, Read<T> read) {
        req.requireAny(READ);
        return read.get();
    }

    static <T> T body(ApiRequest req, Role[] roles, Class<T> type) {
        req.requireAny(roles);
        return req.bodyAs(type);
    }

    static Actor actor(ApiRequest req) {
        return actor(req.caller());
    }

    static Actor actor(Caller c) {
        return new Actor(c.id(), c.name(), c.has(Role.ADMIN));
    }

    static ApiResponse ok(Object body) {
        return ApiResponse.json(200, body);
    }

    static ApiResponse created(Object body) {
        return ApiResponse.json(201, body);
    }
}
