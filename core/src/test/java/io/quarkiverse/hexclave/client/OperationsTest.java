package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.contract.HexclaveContract;
import io.quarkiverse.hexclave.contract.Operation;

/**
 * The operation names of the API-call metrics: every operation of Hexclave's server and client documents, called with
 * real-looking ids, is named by its template with {@code {id}} for each parameter, and no id survives.
 */
class OperationsTest {

    private static Stream<Operation> all() {
        return Stream.concat(HexclaveContract.server().operations().stream(),
                HexclaveContract.client().operations().stream());
    }

    @Test
    void everyDocumentedOperationIsNamedByItsTemplate() {
        all().forEach(o -> {
            String concrete = o.path().replaceAll("\\{[^}]+}", "3f1c9d2a-6b4e-4f80-9a2c-7e5d1b3c9f04");
            String expected = o.method() + " " + o.path().replaceAll("\\{[^}]+}", "{id}");
            assertThat(Operations.of(o.method(), concrete)).as(o.toString()).isEqualTo(expected)
                    .doesNotContain("3f1c9d2a");
        });
    }

    @Test
    void theLiteralSegmentsAreThoseOfTheDocuments() {
        Set<String> literals = new TreeSet<>();
        all().forEach(o -> Stream.of(o.path().split("/")).filter(s -> !s.isEmpty() && !s.startsWith("{"))
                .forEach(literals::add));
        assertThat(new TreeSet<>(Operations.LITERAL_SEGMENTS)).isEqualTo(literals);
    }

    @Test
    void idsThatAreNotUuidsAreReplacedToo() {
        assertThat(Operations.of("DELETE", "/team-permissions/t-1/u%40x/docs_read"))
                .isEqualTo("DELETE /team-permissions/{id}/{id}/{id}");
        assertThat(Operations.of("GET", "/users/me")).isEqualTo("GET /users/me");
        assertThat(Operations.of("GET", "")).isEqualTo("GET /");
    }

    /** A transport (a tracing decorator) learns the operation of each request it sends, and only its template. */
    @Test
    void theRequestATransportSendsNamesItsOperation() {
        List<HexclaveRequest> sent = new CopyOnWriteArrayList<>();
        HexclaveSettings settings = HexclaveSettings.builder(HexclaveStub.PROJECT_ID).apiUrl("http://127.0.0.1:9")
                .secretServerKey(HexclaveStub.SECRET_SERVER_KEY).maxRetries(0).build();
        try (HexclaveClient client = new HexclaveClient(settings, request -> {
            sent.add(request);
            return CompletableFuture.failedFuture(new HexclaveConnectionException("refused", false, null));
        })) {
            assertThatThrownBy(() -> client.users().get("3f1c9d2a-6b4e-4f80-9a2c-7e5d1b3c9f04"))
                    .isInstanceOf(HexclaveConnectionException.class);
        }
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo("GET /users/{id}");
            assertThat(r.uri().getPath()).endsWith("/users/3f1c9d2a-6b4e-4f80-9a2c-7e5d1b3c9f04");
            assertThat(r.withHeaders(java.util.Map.of("traceparent", "00-x")).operation()).isEqualTo("GET /users/{id}");
        });
    }
}
