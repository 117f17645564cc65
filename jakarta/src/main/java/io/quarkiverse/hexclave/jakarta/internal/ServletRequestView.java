package io.quarkiverse.hexclave.jakarta.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import io.quarkiverse.hexclave.credential.RequestView;

/** A {@link HttpServletRequest} as the core's {@link RequestView}. */
public final class ServletRequestView implements RequestView {

    private final HttpServletRequest request;

    public ServletRequestView(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public Map<String, String> cookies() {
        Cookie[] cookies = request.getCookies();
        if (cookies == null || cookies.length == 0) {
            return Map.of();
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (Cookie cookie : cookies) {
            byName.putIfAbsent(cookie.getName(), cookie.getValue());
        }
        return byName;
    }
}
