package io.quarkiverse.hexclave.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkiverse.hexclave.contract.HexclaveContract;

/**
 * Wraps a transport and validates every request the client sends (and, optionally, every response it receives)
 * against Hexclave's OpenAPI documents: the server document for {@code access-type: server}, the client document
 * otherwise. A violation fails the call with an {@link AssertionError}, so the test that made it fails.
 */
public final class ContractCheckingTransport implements HexclaveTransport {

    private final HexclaveTransport inner;
    private final boolean checkResponses;
    /** Every request checked, as {@code METHOD path}. */
    public final List<String> checked = new CopyOnWriteArrayList<>();

    public ContractCheckingTransport(HexclaveTransport inner, boolean checkResponses) {
        this.inner = inner;
        this.checkResponses = checkResponses;
    }

    @Override
    public CompletionStage<HexclaveResponse> send(HexclaveRequest request) {
        HexclaveContract contract = contractFor(request.headers());
        String path = request.uri().getRawPath();
        Map<String, String> query = query(request.uri().getRawQuery());
        contract.assertValidRequest(request.method(), decode(path), query, request.headers(), request.body());
        checked.add(request.method() + " " + path);
        return inner.send(request).thenApply(response -> {
            if (checkResponses) {
                Map<String, String> headers = new LinkedHashMap<>();
                response.headers().forEach((k, v) -> headers.put(k, String.join(",", v)));
                contract.assertValidResponse(request.method(), decode(path), response.status(), headers, response.body());
            }
            return response;
        });
    }

    @Override
    public void close() {
        inner.close();
    }

    static HexclaveContract contractFor(Map<String, String> headers) {
        return "server".equals(headers.get("x-hexclave-access-type")) ? HexclaveContract.server() : HexclaveContract.client();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
