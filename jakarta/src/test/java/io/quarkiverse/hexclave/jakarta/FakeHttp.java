package io.quarkiverse.hexclave.jakarta;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Small fakes of the servlet and Jakarta Security types the mechanism touches; any other method throws, so a test
 * notices when the mechanism starts relying on more.
 */
final class FakeHttp {

    final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final List<Cookie> cookies = new java.util.ArrayList<>();
    final Map<String, Object> attributes = new HashMap<>();
    final Map<String, String> responseHeaders = new LinkedHashMap<>();
    String method = "GET";
    String scheme = "https";
    String serverName = "app.example.com";
    int serverPort = 443;
    Integer status;
    byte[] requestBody = new byte[0];
    final java.io.StringWriter responseBody = new java.io.StringWriter();
    String responseContentType;
    boolean protectedResource;
    boolean authenticationRequest;
    Principal loggedIn;
    Set<String> loggedInGroups;
    final Map<String, Object> contextAttributes = new HashMap<>();
    /** What {@code HttpServletRequest#authenticate} does (the container asking the mechanism again). */
    java.util.function.BooleanSupplier onAuthenticate = () -> {
        throw new UnsupportedOperationException("the fake does not support authenticate");
    };

    FakeHttp header(String name, String value) {
        requestHeaders.put(name, value);
        return this;
    }

    FakeHttp cookie(String name, String value) {
        cookies.add(new Cookie(name, value));
        return this;
    }

    FakeHttp protectedResource() {
        protectedResource = true;
        return this;
    }

    HttpServletRequest request() {
        return fake(HttpServletRequest.class, (method, args) -> switch (method) {
            case "getHeader" -> requestHeaders.get((String) args[0]);
            case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new);
            case "setAttribute" -> attributes.put((String) args[0], args[1]);
            case "getAttribute" -> attributes.get((String) args[0]);
            case "getMethod" -> FakeHttp.this.method;
            case "getScheme" -> scheme;
            case "getServerName" -> serverName;
            case "getServerPort" -> serverPort;
            case "getServletContext" -> fake(jakarta.servlet.ServletContext.class, (m, a) -> switch (m) {
                case "getContextPath" -> "/app";
                case "getAttribute" -> contextAttributes.get((String) a[0]);
                default -> unsupported(m);
            });
            case "authenticate" -> onAuthenticate.getAsBoolean();
            case "getInputStream" -> inputStream(requestBody);
            default -> unsupported(method);
        });
    }

    HttpServletResponse response() {
        return fake(HttpServletResponse.class, (method, args) -> switch (method) {
            case "setHeader" -> responseHeaders.put((String) args[0], (String) args[1]);
            case "containsHeader" -> responseHeaders.containsKey((String) args[0]);
            case "sendError", "setStatus" -> status = (Integer) args[0];
            case "setContentType" -> responseContentType = (String) args[0];
            case "setCharacterEncoding" -> null;
            case "getWriter" -> new java.io.PrintWriter(responseBody, true);
            default -> unsupported(method);
        });
    }

    @SuppressWarnings("unchecked")
    HttpMessageContext context() {
        return fake(HttpMessageContext.class, (method, args) -> switch (method) {
            case "isProtected" -> protectedResource;
            case "isAuthenticationRequest" -> authenticationRequest;
            case "doNothing" -> AuthenticationStatus.NOT_DONE;
            case "responseUnauthorized" -> {
                status = 401;
                yield AuthenticationStatus.SEND_FAILURE;
            }
            case "notifyContainerAboutLogin" -> {
                if (args.length != 2 || !(args[0] instanceof Principal)) {
                    yield unsupported(method + "/" + args.length);
                }
                loggedIn = (Principal) args[0];
                loggedInGroups = (Set<String>) args[1];
                yield AuthenticationStatus.SUCCESS;
            }
            default -> unsupported(method);
        });
    }

    private static jakarta.servlet.ServletInputStream inputStream(byte[] bytes) {
        java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(bytes);
        return new jakarta.servlet.ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(jakarta.servlet.ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private interface Handler {
        Object handle(String method, Object[] args);
    }

    private static <T> T fake(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(FakeHttp.class.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "fake " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> handler.handle(method.getName(), args == null ? new Object[0] : args);
                }));
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException("the fake does not support " + method);
    }
}
