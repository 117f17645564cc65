package io.quarkiverse.hexclave.test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkiverse.hexclave.emulator.EmulatedApiKey;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewApiKey;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.emulator.UserClass;

/**
 * One Hexclave emulator (loopback, random port) for every extension test of this JVM, closed when the JVM exits.
 * <p>
 * {@code QuarkusUnitTest} loads the test class twice: once in JUnit's class loader (where the extension and its config
 * overrides are built) and once in the application's (where test methods run). Both copies must talk to the same
 * emulator, so its handles are published in the system properties as JDK types only ({@code String},
 * {@code Function}, {@code Consumer}), which both class loaders share.
 */
public final class SharedEmulator {

    private static final String KEY = "io.quarkiverse.hexclave.test.shared-emulator";

    private SharedEmulator() {
    }

    /** Base URL, e.g. {@code http://127.0.0.1:34567}. */
    public static String apiUrl() {
        return (String) state().get("apiUrl");
    }

    public static String projectId() {
        return (String) state().get("projectId");
    }

    public static String secretServerKey() {
        return (String) state().get("secretServerKey");
    }

    /** A token for a named {@link HostileToken} (or genuine) scenario, minted for a fresh user. */
    public static String token(HostileToken scenario) {
        return mint().apply(scenario.name());
    }

    /** A genuine token of a normal user. */
    public static String normalToken() {
        return token(HostileToken.NONE);
    }

    /** {@code jwks-down} or {@code reset}. */
    public static void fault(String name) {
        fault().accept(name);
    }

    /** Deletes a user in the emulator (their tokens stay signed and unexpired). */
    public static void deleteUser(String userId) {
        fault().accept("delete-user:" + userId);
    }

    /** How many requests reached the emulator's JWKS endpoint. */
    public static long jwksRequests() {
        return jwksCount().get();
    }

    /** The user id of a fresh normal user and a token for them, separated by a space. */
    public static String[] userAndToken() {
        return mint().apply("USER_AND_TOKEN").split(" ", 2);
    }

    /**
     * Runs an administrative command on the emulator, its words separated by spaces, and returns its answer:
     * {@code define-project <perm> [<contained>…]}, {@code grant-project <user> <perm>},
     * {@code revoke-project <user> <perm>}, {@code count <METHOD> <path>} (requests received),
     * {@code reset-counts}, {@code headers <METHOD> <path> <name>} (the values of that header in the last such request,
     * one per line; key and token headers masked), {@code api-status <status>} (every non-JWKS request answers it until {@code reset}),
     * {@code define-team <perm> [<contained>…]}, {@code create-team <name>} (answers the id),
     * {@code add-member <team> <user>}, {@code grant-team <team> <user> <perm>}, {@code select-team <user> <team>},
     * {@code token <user>} (a fresh token, carrying the selected team), {@code user-key <user> [expired]} and
     * {@code team-key <team>} (a new API key: answers its id and value), {@code revoke-key <id>}.
     */
    public static String admin(String command) {
        return adminFn().apply(command);
    }

    /** {id, value} of a new API key of user {@code userId}; {@code "expired"} among the options makes it expired. */
    public static String[] userKey(String userId, String... options) {
        return admin(("user-key " + userId + " " + String.join(" ", options)).strip()).split(" ", 2);
    }

    /** How many {@code GET /api/v1/project-permissions} requests the emulator received since the last reset. */
    public static long projectPermissionCalls() {
        return Long.parseLong(admin("count GET /api/v1/project-permissions"));
    }

    @SuppressWarnings("unchecked")
    private static Function<String, String> adminFn() {
        return (Function<String, String>) state().get("admin");
    }

    @SuppressWarnings("unchecked")
    private static Function<String, String> mint() {
        return (Function<String, String>) state().get("mint");
    }

    @SuppressWarnings("unchecked")
    private static Consumer<String> fault() {
        return (Consumer<String>) state().get("fault");
    }

    @SuppressWarnings("unchecked")
    private static Supplier<Long> jwksCount() {
        return (Supplier<Long>) state().get("jwksCount");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state() {
        synchronized (System.getProperties()) {
            Object state = System.getProperties().get(KEY);
            if (state == null) {
                state = start();
                System.getProperties().put(KEY, state);
            }
            return (Map<String, Object>) state;
        }
    }

    private static Map<String, Object> start() {
        HexclaveEmulator emulator = HexclaveEmulator.builder().build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "hexclave-emulator-stop"));
        Map<String, Object> state = new HashMap<>();
        state.put("apiUrl", emulator.apiUrl());
        state.put("projectId", emulator.projectId());
        state.put("secretServerKey", emulator.secretServerKey());
        state.put("mint", (Function<String, String>) scenario -> mint(emulator, scenario));
        state.put("fault", (Consumer<String>) name -> {
            switch (name) {
                case "jwks-down" -> emulator.faults().jwksDown();
                case "reset" -> emulator.faults().reset();
                default -> {
                    if (name.startsWith("delete-user:")) {
                        emulator.deleteUser(name.substring("delete-user:".length()));
                    } else {
                        throw new IllegalArgumentException(name);
                    }
                }
            }
        });
        state.put("jwksCount", (Supplier<Long>) emulator::jwksRequestCount);
        state.put("admin", (Function<String, String>) command -> admin(emulator, command));
        return Map.copyOf(state);
    }

    private static String admin(HexclaveEmulator emulator, String command) {
        String[] w = command.split(" ");
        switch (w[0]) {
            case "define-project" -> emulator.defineProjectPermission(w[1], Arrays.copyOfRange(w, 2, w.length));
            case "grant-project" -> emulator.grantProjectPermission(w[1], w[2]);
            case "revoke-project" -> emulator.revokeProjectPermission(w[1], w[2]);
            case "count" -> {
                return Long.toString(emulator.requestCount(w[1], w[2]));
            }
            case "reset-counts" -> emulator.resetRequestCounts();
            case "headers" -> {
                return String.join("\n", emulator.lastRequestHeaders(w[1], w[2]).getOrDefault(w[3], java.util.List.of()));
            }
            case "define-team" -> emulator.defineTeamPermission(w[1], Arrays.copyOfRange(w, 2, w.length));
            case "create-team" -> {
                return emulator.createTeam(w[1]).id();
            }
            case "add-member" -> emulator.addTeamMember(w[1], w[2]);
            case "grant-team" -> emulator.grantTeamPermission(w[1], w[2], w[3]);
            case "revoke-team" -> emulator.revokeTeamPermission(w[1], w[2], w[3]);
            case "select-team" -> emulator.selectTeam(w[1], w[2]);
            case "token" -> {
                return emulator.mintAccessToken(emulator.user(w[1]).orElseThrow());
            }
            case "api-status" -> emulator.faults().apiStatus(Integer.parseInt(w[1]));
            case "api-error" -> emulator.faults().apiKnownError(Integer.parseInt(w[1]), w[2], "fault: " + w[2]);
            case "user-key", "team-key" -> {
                var b = w[0].equals("user-key") ? NewApiKey.forUser(w[1]) : NewApiKey.forTeam(w[1]);
                if (w.length > 2 && w[2].equals("expired")) {
                    b.expiresAt(Instant.now().minusSeconds(60));
                }
                EmulatedApiKey key = emulator.createApiKey(b.build());
                return key.id() + " " + key.value();
            }
            case "revoke-key" -> emulator.revokeApiKey(w[1]);
            default -> throw new IllegalArgumentException(command);
        }
        return "";
    }

    private static String mint(HexclaveEmulator emulator, String scenario) {
        if (scenario.equals("USER_AND_TOKEN")) {
            EmulatedUser user = emulator.createUser(NewUser.withEmail("ada-" + System.nanoTime() + "@example.com")
                    .displayName("Ada Lovelace").build());
            return user.id() + " " + emulator.mintAccessToken(user);
        }
        HostileToken t = HostileToken.valueOf(scenario);
        EmulatedUser user = switch (t) {
            case RESTRICTED -> emulator.createUser(NewUser.withEmail("r-" + System.nanoTime() + "@example.com")
                    .restrictedByAdmin("test").build());
            case ANONYMOUS -> emulator.createUser(NewUser.anonymousUser().build());
            default -> emulator.createUser(NewUser.withEmail("u-" + System.nanoTime() + "@example.com")
                    .displayName("Test User").build());
        };
        var b = emulator.token(user);
        return switch (t) {
            case NONE, RESTRICTED, ANONYMOUS -> b.mint();
            case EXPIRED -> b.issuedAt(Instant.now().minus(Duration.ofMinutes(30))).expiresIn(Duration.ofMinutes(10))
                    .mint();
            case ISSUED_IN_FUTURE -> b.issuedAt(Instant.now().plus(Duration.ofMinutes(10))).mint();
            case FOREIGN_ISSUER -> b.issuerOrigin("https://evil.example.com").mint();
            case WRONG_AUDIENCE -> b.audience("0b7e4bd5-7f45-4c8b-9f3f-6c1f0e6f9a11").mint();
            case FOREIGN_KEY -> b.signWithForeignKey().mint();
            case UNKNOWN_KID -> b.kid("AAAAAAAAAAAA").mint();
            case HS256 -> b.algorithm("HS256").mint();
            case JKU_HEADER -> b.header("jku", "https://evil.example.com/jwks.json").mint();
            case MISSING_SUB -> b.removeClaim("sub").mint();
            case WRONG_BRANCH -> b.claim("branch_id", "feature").mint();
            case INCONSISTENT -> b.claim("is_anonymous", true).mint();
            case GARBAGE -> "eyJub3Q.eyJub3Q.c2ln";
            case ENCRYPTED -> "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d";
        };
    }
}
