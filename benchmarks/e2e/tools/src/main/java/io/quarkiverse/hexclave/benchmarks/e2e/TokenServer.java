package io.quarkiverse.hexclave.benchmarks.e2e;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.emulator.UserClass;

/**
 * The Hexclave side of the end-to-end benchmark, in its own JVM: starts the embedded emulator on a free loopback port,
 * mints one access token for each of N new users, writes them to {@code <dir>/tokens.txt} (one a line, line 1 for user
 * 1) and the project's coordinates to {@code <dir>/emulator.env} (shell syntax, written last, so its presence means
 * ready), then serves the JWKS until it is stopped (SIGTERM).
 *
 * <pre>
 * java -cp 'e2e-tools.jar:lib/*' io.quarkiverse.hexclave.benchmarks.e2e.TokenServer &lt;dir&gt; &lt;token count&gt; &lt;lifetime, e.g. PT6H&gt;
 * </pre>
 *
 * The token lifetime is longer than Hexclave's ten minutes so that tokens minted before the run stay valid through it;
 * neither application under test limits {@code exp - iat}.
 */
public final class TokenServer {

    private TokenServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("Usage: TokenServer <output dir> <token count> <token lifetime, e.g. PT6H>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Duration lifetime = Duration.parse(args[2]);
        if (count < 1) {
            throw new IllegalArgumentException("token count must be at least 1");
        }
        Files.createDirectories(dir);

        HexclaveEmulator emulator = HexclaveEmulator.builder().accessTokenLifetime(lifetime).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "token-server-stop"));

        long began = System.nanoTime();
        String[] tokens = new String[count];
        String[] users = new String[count];
        AtomicInteger done = new AtomicInteger();
        // The emulator is thread-safe; both cores sign, and line i always holds user i's token. A genuine token with
        // a fresh refresh_token_id, minted by the TokenBuilder without storing a session: storing one per token
        // (mintAccessToken) prunes every stored session each time, quadratic in the token count. Neither
        // application looks sessions up.
        IntStream.range(0, count).parallel().forEach(i -> {
            EmulatedUser user = emulator.createUser(NewUser.withEmail("bench-" + i + "@example.com")
                    .displayName("Bench User " + i).build());
            tokens[i] = emulator.token(user).refreshTokenId(UUID.randomUUID().toString()).mint();
            users[i] = user.id();
            int n = done.incrementAndGet();
            if (n % 20_000 == 0) {
                System.out.printf("minted %d of %d tokens%n", n, count);
            }
        });
        long mintMillis = (System.nanoTime() - began) / 1_000_000;

        Path tokenFile = dir.resolve("tokens.txt");
        Path tmp = dir.resolve("tokens.txt.tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            for (String token : tokens) {
                out.write(token);
                out.newLine();
            }
        }
        Files.move(tmp, tokenFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        Map<String, String> env = new LinkedHashMap<>();
        env.put("E2E_API_URL", emulator.apiUrl());
        env.put("E2E_PROJECT_ID", emulator.projectId());
        env.put("E2E_JWKS_URL", emulator.jwksUrl());
        env.put("E2E_ISSUER", emulator.issuer(UserClass.NORMAL));
        env.put("E2E_AUDIENCE", emulator.audience(UserClass.NORMAL));
        env.put("E2E_TOKEN_FILE", tokenFile.toAbsolutePath().toString());
        env.put("E2E_TOKEN_COUNT", Integer.toString(count));
        env.put("E2E_FIRST_USER_ID", users[0]);
        env.put("E2E_TOKENS_EXPIRE_AT", Instant.now().plus(lifetime).toString());
        env.put("E2E_MINT_MILLIS", Long.toString(mintMillis));
        writeEnv(dir, env);

        System.out.printf("Emulator at %s (project %s): %d tokens for %d users in %d ms, valid for %s%n",
                emulator.apiUrl(), emulator.projectId(), count, count, mintMillis, lifetime);
        stopped.await();
    }

    private static void writeEnv(Path dir, Map<String, String> env) throws IOException {
        StringBuilder text = new StringBuilder();
        env.forEach((key, value) -> text.append(key).append("='").append(value).append("'\n"));
        Path tmp = dir.resolve("emulator.env.tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve("emulator.env"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
