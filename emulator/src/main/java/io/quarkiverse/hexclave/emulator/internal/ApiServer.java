package io.quarkiverse.hexclave.emulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK {@link HttpServer} on loopback and the request pipeline of the real backend: CORS ({@link CorsPolicy}),
 * path canonicalisation (308),
 * method check (405), header aliasing ({@code x-hexclave-*} → {@code x-stack-*}, hexclave wins), the §2.3
 * authentication checks, routing, known/status error rendering, request-id and cache-control headers, and the
 * override-error-status rule (§7.3). Errors never carry stack traces or secrets.
 */
public final class ApiServer {

    /** A route handler. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    private record Route(String method, Pattern pattern, boolean authenticated, Handler handler) {
    }

    private static final Set<String> ALLOWED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final int MAX_BODY = 8 * 1024 * 1024;
    /** Most requests handled at once; more are answered 503 at once (never queued behind slow ones). */
    static final int MAX_THREADS = 64;
    /** Set while an exchange the pool had no thread for runs on the dispatcher: it only answers 503. */
    private static final ThreadLocal<Boolean> OVERLOADED = new ThreadLocal<>();

    private final EmulatedProject project;
    private final CorsPolicy cors;
    private final List<Route> routes = new ArrayList<>();
    /** Requests received, by {@code "METHOD /decoded/path"} (query excluded), for tests that count calls. */
    private final Map<String, LongAdder> requestCounts = new ConcurrentHashMap<>();
    /** The headers of the last request, by {@code "METHOD /decoded/path"}, for tests that check what was sent. */
    private final Map<String, Map<String, List<String>>> lastHeaders = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    public ApiServer(EmulatedProject project) {
        this.project = project;
        this.cors = new CorsPolicy(project.settings().corsAllowedOrigins());
        new RootRoutes(project).register(this);
        new JwksRoutes(project).register(this);
        new UserRoutes(project).register(this);
        new SessionRoutes(project).register(this);
        new AuthRoutes(project).register(this);
        new PermissionRoutes(project).register(this);
        new TeamRoutes(project).register(this);
        new TeamInvitationRoutes(project).register(this);
        ApiKeyRoutes.register(project, this);
        new ContactChannelRoutes(project).register(this);
        new OAuthAccountRoutes(project).register(this);
        new ProjectRoutes(project).register(this);
        new CliRoutes(project).register(this);
        new WebhookRoutes(project).register(this);
        Exclusions.register(this); // last: answers 501 for what the emulator does not serve
    }

    /** Registers a route whose path regex groups become path parameters; authenticated routes run the §2.3 checks. */
    void route(String method, String pathRegex, boolean authenticated, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), authenticated, handler));
    }

    public void start(String host, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot bind the Hexclave emulator to " + host + ":" + port, e);
        }
        AtomicInteger n = new AtomicInteger();
        // Small by default, grows under load (slow-JWKS tests park threads), idle threads die after 30 s. When every
        // thread is busy, the exchange runs on the dispatcher thread only to answer 503 (no handler runs there, so
        // the dispatcher never stalls behind a slow handler).
        executor = new ThreadPoolExecutor(2, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "hexclave-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, (task, pool) -> {
            if (pool.isShutdown()) {
                return;
            }
            OVERLOADED.set(Boolean.TRUE);
            try {
                task.run();
            } finally {
                OVERLOADED.remove();
            }
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** How many {@code method} requests reached {@code path} (decoded, without query) since start or the last reset. */
    public long requestCount(String method, String path) {
        LongAdder count = requestCounts.get(method.toUpperCase() + " " + path);
        return count == null ? 0 : count.sum();
    }

    /** Resets every {@link #requestCount} to zero, and forgets every {@link #lastRequestHeaders}. */
    public void resetRequestCounts() {
        requestCounts.clear();
        lastHeaders.clear();
    }

    /**
     * The headers of the last {@code method} request to {@code path} (decoded, without query): names in lower case,
     * every value in the order received, those of headers carrying keys, tokens or cookies as {@code ****}. Empty
     * when there was none.
     */
    public Map<String, List<String>> lastRequestHeaders(String method, String path) {
        return lastHeaders.getOrDefault(method.toUpperCase() + " " + path, Map.of());
    }

    private static Map<String, List<String>> masked(com.sun.net.httpserver.Headers received) {
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        received.forEach((name, values) -> {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            boolean secret = n.contains("key") || n.contains("token") || n.equals("authorization")
                    || n.equals("cookie");
            headers.put(n, secret ? values.stream().map(v -> "****").toList() : List.copyOf(values));
        });
        return java.util.Collections.unmodifiableMap(headers);
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ pipeline

    private void exchange(HttpExchange ex) {
        String requestId = UUID.randomUUID().toString();
        try (ex) {
            if (Boolean.TRUE.equals(OVERLOADED.get())) {
                write(ex, ApiResponse.text(503, "The Hexclave emulator is overloaded; try again").header("Retry-After", "1"),
                        requestId, false);
                return;
            }
            ApiResponse response;
            boolean overrideErrorStatus = false;
            try {
                Map<String, String> headers = aliasedHeaders(ex);
                overrideErrorStatus = headers.containsKey("x-stack-override-error-status");
                response = dispatch(ex, headers);
            } catch (KnownError e) {
                response = ApiResponse.of(e);
            } catch (StatusError e) {
                response = ApiResponse.of(e);
            } catch (RuntimeException | IOException e) {
                response = ApiResponse.text(500, "An internal error occurred. Request ID: " + requestId);
            }
            if (response.abort) {
                return; // closing without a response closes the connection
            }
            try {
                write(ex, response, requestId, overrideErrorStatus);
            } catch (RuntimeException e) {
                // e.g. a header value the JDK refuses: answer 500 rather than dropping the connection
                ex.getResponseHeaders().clear();
                write(ex, ApiResponse.text(500, "An internal error occurred. Request ID: " + requestId), requestId, false);
            }
        } catch (IOException | RuntimeException e) {
            // the client went away; nothing to report
        }
    }

    private ApiResponse dispatch(HttpExchange ex, Map<String, String> headers) throws IOException {
        String method = ex.getRequestMethod().toUpperCase();
        String rawPath = ex.getRequestURI().getRawPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        String preflightMethod = headers.get("access-control-request-method");
        if (method.equals("OPTIONS") && preflightMethod != null) {
            return cors.preflight(headers.get("origin"), preflightMethod, headers.get("access-control-request-headers"));
        }
        if (!ALLOWED_METHODS.contains(method)) {
            return ApiResponse.text(405, "Method not allowed");
        }
        String canonical = canonicalPath(rawPath);
        if (!canonical.equals(rawPath)) {
            return ApiResponse.empty(308).header("Location", canonical + (rawQuery == null ? "" : "?" + rawQuery));
        }
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        requestCounts.computeIfAbsent(method + " " + path, k -> new LongAdder()).increment();
        lastHeaders.put(method + " " + path, masked(ex.getRequestHeaders()));
        int faultStatus = project.faults().apiStatus();
        if (faultStatus != 0 && !path.endsWith("/.well-known/jwks.json")) {
            return ApiResponse.text(faultStatus, "The Hexclave emulator is answering " + faultStatus + " (fault)");
        }
        KnownError faultError = project.faults().apiKnownError();
        if (faultError != null && !path.endsWith("/.well-known/jwks.json")) {
            throw faultError;
        }
        String routeMethod = method.equals("HEAD") ? "GET" : method;
        Route match = null;
        Matcher matcher = null;
        boolean pathKnown = false;
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(path);
            if (m.matches()) {
                pathKnown = true;
                if (r.method().equals(routeMethod)) {
                    match = r;
                    matcher = m;
                    break;
                }
            }
        }
        if (match == null) {
            if (pathKnown && method.equals("OPTIONS")) {
                return ApiResponse.empty(204);
            }
            return pathKnown ? ApiResponse.text(405, "Method not allowed") : ApiResponse.text(404, "Not found");
        }
        byte[] body = readBody(ex.getRequestBody(), ex.getRequestHeaders().getFirst("Content-Encoding"));
        ApiRequest request = new ApiRequest(method, path, parseQuery(rawQuery), headers, body,
                ex.getRequestHeaders().getFirst("Content-Type"));
        String[] params = new String[matcher.groupCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = matcher.group(i + 1);
        }
        request.pathParams = params;
        request.store = project.store();
        if (match.authenticated()) {
            request.access = authenticate(request);
        }
        return match.handler().handle(request);
    }

    private static String canonicalPath(String rawPath) {
        String p = rawPath.replaceAll("/{2,}", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "/" : p;
    }

    /** The request body, gzip/deflate (zlib) decoded as the backend does; more than 8 MiB decoded → 413. */
    private static byte[] readBody(InputStream raw, String contentEncoding) throws IOException {
        InputStream in = raw;
        String encoding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            switch (encoding) {
                case "identity", "" -> {
                }
                case "gzip", "x-gzip" -> in = new java.util.zip.GZIPInputStream(raw);
                case "deflate" -> in = new java.util.zip.InflaterInputStream(raw);
                default -> throw KnownError.bodyParsingError("Unsupported content-encoding: " + encoding);
            }
            return limited(in);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw KnownError.bodyParsingError("The request body could not be decoded as " + encoding + ".");
        }
    }

    private static byte[] limited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new StatusError(413, "Request body too large");
        }
        return bytes;
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        return parseUrlEncoded(rawQuery, "query");
    }

    /**
     * Parses {@code a=1&b=2} (a query string or a form-encoded body); a name given twice is a {@code SCHEMA_ERROR}.
     *
     * @param where {@code query} or {@code body}, for the error message
     */
    static Map<String, String> parseUrlEncoded(String rawQuery, String where) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (query.put(name, value) != null) {
                throw KnownError.schemaError(where + "." + name + " must be a `string` type, but it was given more than once");
            }
        }
        return query;
    }

    /** Lower-cased request headers, with every {@code x-hexclave-*} copied onto {@code x-stack-*} (hexclave wins, §2.1). */
    private static Map<String, String> aliasedHeaders(HttpExchange ex) {
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(), values.get(0));
            }
        });
        Map<String, String> aliases = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name.startsWith("x-hexclave-")) {
                aliases.put("x-stack-" + name.substring("x-hexclave-".length()), value);
            }
        });
        headers.putAll(aliases);
        return headers;
    }

    /** The checks of §2.3, in the backend's order. Returns {@code null} for an unauthenticated request. */
    private AccessContext authenticate(ApiRequest r) {
        String accessType = r.header("x-stack-access-type");
        String projectId = r.header("x-stack-project-id");
        String publishableKey = r.header("x-stack-publishable-client-key");
        String secretKey = r.header("x-stack-secret-server-key");
        String adminKey = r.header("x-stack-super-secret-admin-key");
        String adminToken = r.header("x-stack-admin-access-token");
        if (accessType == null) {
            if (publishableKey != null || secretKey != null || adminKey != null || adminToken != null) {
                throw new KnownError(400, "PROJECT_KEY_WITHOUT_ACCESS_TYPE",
                        "If you provide a project key, you must also provide an access type. Set the x-hexclave-access-type header.");
            }
            return null;
        }
        if (!Set.of("client", "server", "admin").contains(accessType)) {
            throw new KnownError(400, "INVALID_ACCESS_TYPE",
                    "The x-hexclave-access-type header must be 'client', 'server', or 'admin'.",
                    KnownError.details("access_type", accessType));
        }
        if (projectId == null) {
            throw new KnownError(400, "ACCESS_TYPE_WITHOUT_PROJECT_ID",
                    "The x-hexclave-access-type header was '" + accessType
                            + "', but the x-hexclave-project-id header was not provided.",
                    KnownError.details("request_type", accessType));
        }
        boolean allowAnonymous = "true".equals(r.header("x-stack-allow-anonymous-user"));
        boolean allowRestricted = "true".equals(r.header("x-stack-allow-restricted-user"));
        String accessToken = r.header("x-stack-access-token");
        DecodedAccessToken token = accessToken == null ? null
                : project.decode(accessToken, allowRestricted, allowAnonymous);
        if (!projectId.equals(project.projectId())) {
            throw new KnownError(400, "CURRENT_PROJECT_NOT_FOUND",
                    "The current project with ID " + projectId + " was not found. Please check the value of the x-hexclave-project-id header.",
                    KnownError.details("project_id", projectId));
        }
        EmulatorSettings s = project.settings();
        switch (accessType) {
            case "client" -> {
                if (publishableKey == null) {
                    if (s.requirePublishableClientKey()) {
                        throw new KnownError(401, "PUBLISHABLE_CLIENT_KEY_REQUIRED_FOR_PROJECT",
                                "Publishable client key must be provided for this project. Set the x-hexclave-publishable-client-key header.",
                                KnownError.details("project_id", projectId));
                    }
                } else if (!equalSecrets(publishableKey, s.publishableClientKey())) {
                    throw new KnownError(401, "INVALID_PUBLISHABLE_CLIENT_KEY",
                            "The publishable key is not valid for the project \"" + projectId + "\".",
                            KnownError.details("project_id", projectId));
                }
            }
            case "server" -> {
                if (secretKey == null) {
                    throw new KnownError(401, "SERVER_AUTHENTICATION_REQUIRED",
                            "The x-hexclave-secret-server-key header must be provided for server access.");
                }
                if (!equalSecrets(secretKey, s.secretServerKey())) {
                    throw new KnownError(401, "INVALID_SECRET_SERVER_KEY",
                            "The secret server key is not valid for the project \"" + projectId + "\".",
                            KnownError.details("project_id", projectId));
                }
            }
            default -> {
                // The emulator has no admin key: admin access can never authenticate.
                if (adminKey == null && adminToken == null) {
                    throw new KnownError(401, "ADMIN_AUTHENTICATION_REQUIRED",
                            "The x-hexclave-super-secret-admin-key or x-hexclave-admin-access-token header must be provided for admin access.");
                }
                if (adminKey != null) {
                    throw new KnownError(401, "INVALID_SUPER_SECRET_ADMIN_KEY",
                            "The super secret admin key is not valid for the project \"" + projectId + "\".",
                            KnownError.details("project_id", projectId));
                }
                throw new KnownError(401, "UNPARSABLE_ADMIN_ACCESS_TOKEN", "Admin access token is not parsable.");
            }
        }
        String branch = r.header("x-stack-branch-id");
        if (branch != null && !branch.equals("main")) {
            throw new KnownError(400, "BRANCH_DOES_NOT_EXIST", "The branch with ID " + branch + " does not exist.",
                    KnownError.details("branch_id", branch));
        }
        return new AccessContext(accessType, token);
    }

    private static boolean equalSecrets(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private void write(HttpExchange ex, ApiResponse r, String requestId, boolean overrideErrorStatus)
            throws IOException {
        var h = ex.getResponseHeaders();
        if (!r.headers.containsKey("Vary")) { // a preflight answer carries its own CORS headers
            cors.responseHeaders(ex.getRequestHeaders().getFirst("Origin")).forEach(h::set);
        }
        if (r.contentType != null) {
            h.set("Content-Type", r.contentType);
        }
        h.set("Cache-Control", r.cacheControl);
        h.set("x-hexclave-request-id", requestId);
        h.set("x-stack-request-id", requestId);
        r.headers.forEach(h::set);
        int status = r.status;
        if (overrideErrorStatus && status >= 400 && status < 500) {
            h.set("x-hexclave-actual-status", Integer.toString(status));
            h.set("x-stack-actual-status", Integer.toString(status));
            status = 200;
        }
        boolean noBody = ex.getRequestMethod().equalsIgnoreCase("HEAD") || status == 204 || status == 304
                || r.body.length == 0;
        ex.sendResponseHeaders(status, noBody ? -1 : r.body.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body);
            }
        }
    }
}
