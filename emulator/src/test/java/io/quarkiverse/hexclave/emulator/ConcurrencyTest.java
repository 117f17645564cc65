package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The store is thread-safe: parallel creates over HTTP and the Java API lose nothing and never fail. */
class ConcurrencyTest {

    @Test
    void parallelCreatesOverHttpAndJavaApiAllLand() throws Exception {
        try (HexclaveEmulator emu = HexclaveEmulator.builder().build().start()) {
            EmulatorHttp http = new EmulatorHttp(emu);
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                List<Callable<String>> tasks = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    int n = i;
                    tasks.add(() -> n % 2 == 0
                            ? http.server().post("/users", "{\"primary_email\":\"p" + n + "@example.com\"}").json().get("id").asText()
                            : emu.createUser(NewUser.withEmail("j" + n + "@example.com").build()).id());
                }
                Set<String> ids = new HashSet<>();
                for (Future<String> f : pool.invokeAll(tasks)) {
                    ids.add(f.get());
                }
                assertThat(ids).hasSize(120);
                assertThat(http.server().get("/users").json().get("items")).hasSize(120);

                List<Callable<Integer>> refreshes = new ArrayList<>();
                SessionTokens s = emu.createSession(ids.iterator().next());
                for (int i = 0; i < 40; i++) {
                    refreshes.add(() -> http.server().header("x-hexclave-refresh-token", s.refreshToken())
                            .post("/auth/sessions/current/refresh", null).status());
                }
                for (Future<Integer> f : pool.invokeAll(refreshes)) {
                    assertThat(f.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void slowJwksDoesNotBlockTheRestOfTheApi() throws Exception {
        try (HexclaveEmulator emu = HexclaveEmulator.builder().build().start()) {
            EmulatorHttp http = new EmulatorHttp(emu);
            emu.faults().jwksSlow(java.time.Duration.ofSeconds(2));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> slow = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    slow.add(pool.submit(() -> http.anonymous().get("/api/v1/projects/" + emu.projectId()
                            + "/.well-known/jwks.json").status()));
                }
                long start = System.nanoTime();
                assertThat(http.server().get("/users").status()).isEqualTo(200);
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1500);
                for (Future<Integer> f : slow) {
                    assertThat(f.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
