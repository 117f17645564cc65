package io.quarkiverse.hexclave.runtime.internal;

import java.util.HashMap;
import java.util.Map;

import io.quarkiverse.hexclave.credential.RequestView;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** A Vert.x request as the core's {@link RequestView}. */
public record VertxRequestView(HttpServerRequest request) implements RequestView {

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public Map<String, String> cookies() {
        Map<String, String> cookies = new HashMap<>();
        for (Cookie cookie : request.cookies()) {
            cookies.putIfAbsent(cookie.getName(), cookie.getValue());
        }
        return cookies;
    }
}
