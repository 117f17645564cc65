package io.quarkiverse.hexclave.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.hexclave.contract.HexclaveContract;
import io.quarkiverse.hexclave.contract.Operation;

/**
 * Test client for the emulator (JDK HttpClient). Every response to a documented endpoint is validated against the
 * Hexclave contract (the client document for client access, the server document otherwise), so no test can pass on
 * a response the real API would not give; and a request that succeeded (2xx) must itself conform, so the emulator
 * accepts nothing the document forbids and tests call the API the way a client following the document does.
 */
final class EmulatorHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HexclaveEmulator emu;
    /** The documented operations answered with a 2xx through this client, by document ({@code server}, {@code client}). */
    final Map<String, java.util.Set<Operation>> succeeded = new java.util.concurrent.ConcurrentHashMap<>();

    EmulatorHttp(HexclaveEmulator emu) {
        this.emu = emu;
    }

    /** A call with server access headers (x-hexclave-* names). */
    Call server() {
        return new Call().header("x-hexclave-access-type", "server").header("x-hexclave-project-id", emu.projectId())
                .header("x-hexclave-secret-server-key", emu.secretServerKey());
    }

    /** A call with client access headers. */
    Call client() {
        return new Call().header("x-hexclave-access-type", "client").header("x-hexclave-project-id", emu.projectId())
                .header("x-hexclave-publishable-client-key", emu.publishableClientKey());
    }

    /** A call without any header. */
    Call anonymous() {
        return new Call();
    }

    /** The answer: status, first value of each header (lower-case names), body. */
    record Reply(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String code() {
            return json().path("code").asText(null);
        }
    }

    final class Call {
        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean validate = true;
        private String document;

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call without(String name) {
            headers.remove(name);
            return this;
        }

        Call accessToken(String token) {
            return header("x-hexclave-access-token", token);
        }

        /**
         * Validate against this document ({@code client} or {@code server}) whatever the access-type header says, e.g.
         * for the OAuth token endpoint, which a browser calls without any.
         */
        Call documentedAs(String document) {
            this.document = document;
            return this;
        }

        /** A form-encoded POST ({@code application/x-www-form-urlencoded}), as OAuth clients send token requests. */
        Reply postForm(String pathAndQuery, String form) {
            return header("Content-Type", "application/x-www-form-urlencoded").send("POST", pathAndQuery, form);
        }

        /** Skip contract validation (for deliberately undocumented paths). */
        Call unvalidated() {
            validate = false;
            return this;
        }

        Reply get(String pathAndQuery) {
            return send("GET", pathAndQuery, null);
        }

        Reply post(String pathAndQuery, String body) {
            return send("POST", pathAndQuery, body);
        }

        Reply patch(String pathAndQuery, String body) {
            return send("PATCH", pathAndQuery, body);
        }

        Reply delete(String pathAndQuery) {
            return send("DELETE", pathAndQuery, null);
        }

        Reply send(String method, String pathAndQuery, String body) {
            String url = emu.apiUrl() + (pathAndQuery.startsWith("/api/") || pathAndQuery.startsWith("/health")
                    ? pathAndQuery
                    : "/api/v1" + pathAndQuery);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
            headers.forEach(b::header);
            if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("content-type"))) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response;
            try {
                response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> responseHeaders.put(k.toLowerCase(), v.get(0)));
            Reply reply = new Reply(response.statusCode(), responseHeaders, response.body());
            if (validate) {
                URI uri = URI.create(url);
                validate(method, uri.getPath(), uri.getRawQuery(), body, reply);
            }
            return reply;
        }

        private void validate(String method, String path, String rawQuery, String body, Reply reply) {
            String apiPath = path.startsWith("/api/v1") ? path.substring("/api/v1".length()) : path;
            apiPath = apiPath.isEmpty() ? "/" : apiPath;
            boolean client = document != null ? document.equals("client")
                    : "client".equals(headers.get("x-hexclave-access-type"))
                            || "client".equals(headers.get("x-stack-access-type"));
            String document = client ? "client" : "server";
            HexclaveContract contract = client ? HexclaveContract.client() : HexclaveContract.server();
            java.util.Optional<Operation> operation = contract.operation(method, apiPath);
            boolean documented = (operation.isPresent() || !apiPath.startsWith("/projects/") && !path.startsWith("/health"))
                    && reply.status() != 307 && reply.status() != 308 && reply.status() != 204;
            if (!documented) {
                return;
            }
            contract.assertValidResponse(method, apiPath, reply.status(), reply.headers(), reply.body());
            if (reply.status() >= 200 && reply.status() < 300 && operation.isPresent()) {
                contract.assertValidRequest(method, apiPath, query(rawQuery), headers, body);
                succeeded.computeIfAbsent(document, d -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                        .add(operation.get());
            }
        }

        private static Map<String, String> query(String rawQuery) {
            Map<String, String> q = new LinkedHashMap<>();
            if (rawQuery != null && !rawQuery.isEmpty()) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    q.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            return q;
        }

        private static String decode(String s) {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static List<String> texts(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }
}
