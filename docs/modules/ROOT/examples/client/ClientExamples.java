package io.quarkiverse.hexclave.docs.examples;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.UserProfileCache;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.HexclaveResponse;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.client.RetryPolicy;
import io.quarkiverse.hexclave.client.error.AccessTokenExpiredException;
import io.quarkiverse.hexclave.client.error.HexclaveApiException;
import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;
import io.quarkiverse.hexclave.client.error.InvalidAccessTokenException;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.CreateSessionRequest;
import io.quarkiverse.hexclave.client.model.CreateUserRequest;
import io.quarkiverse.hexclave.client.model.ListUsersQuery;
import io.quarkiverse.hexclave.client.model.Session;
import io.quarkiverse.hexclave.client.model.SessionTokens;
import io.quarkiverse.hexclave.client.model.TeamPermission;
import io.quarkiverse.hexclave.client.model.TeamPermissionQuery;
import io.quarkiverse.hexclave.client.model.UpdateUserRequest;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.client.model.UserPage;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.KeysUnavailableException;
import io.quarkiverse.hexclave.verifier.RestTokenVerifier;
import io.quarkiverse.hexclave.verifier.Verification;

/** The examples of client.adoc; compiled by core's DocsExamplesCompileTest. */
class ClientExamples {

    void create() {
        // tag::create[]
        HexclaveSettings settings = HexclaveSettings.load(); // <1>
        try (HexclaveClient hexclave = HexclaveClient.create(settings)) { // <2>
            User user = hexclave.users().get("3241a285-8329-4d69-8f3d-316e08cf140c");
            System.out.println(user.displayNameOrEmail());
        }
        // end::create[]
    }

    void builder() {
        // tag::builder[]
        HexclaveSettings settings = HexclaveSettings.builder("e0b52f4d-dece-408c-af49-d23061bb0f8d")
                .secretServerKey(System.getenv("HEXCLAVE_SECRET_SERVER_KEY"))
                .readTimeout(Duration.ofSeconds(5))
                .maxRetries(2)
                .build();
        HexclaveClient hexclave = HexclaveClient.builder(settings)
                .retryPolicy(RetryPolicy.defaults(2)) // bounded, jittered, idempotent calls only
                .build();
        // end::builder[]
        hexclave.close();
    }

    void users(HexclaveClient hexclave, String userId) {
        // tag::users[]
        User created = hexclave.users().create(CreateUserRequest.builder()
                .primaryEmail("ada@example.com")
                .primaryEmailVerified(true)
                .displayName("Ada")
                .serverMetadata(Map.of("plan", "pro")) // any Jackson-serialisable value
                .build());

        User renamed = hexclave.users().update(created.id(), UpdateUserRequest.builder()
                .displayName("Ada Lovelace") // <1>
                .clientMetadata(null)        // <2>
                .build());                   // <3>

        hexclave.users().delete(userId);
        // end::users[]
    }

    void paging(HexclaveClient hexclave) {
        // tag::paging[]
        ListUsersQuery query = ListUsersQuery.builder()
                .query("example.com")
                .orderBy(ListUsersQuery.OrderBy.LAST_ACTIVE_AT).desc(true)
                .limit(100)
                .build();

        UserPage first = hexclave.users().list(query);              // one page
        first.nextCursor().map(query::withCursor).map(hexclave.users()::list); // the next one, by hand

        try (Stream<User> all = hexclave.users().listAll(query)) {  // every page, fetched as the stream advances
            all.filter(u -> !u.primaryEmailVerified()).limit(10).forEach(u -> System.out.println(u.id()));
        }
        // end::paging[]
    }

    void me(HexclaveClient hexclave, String rawAccessToken) {
        // tag::me[]
        Secret accessToken = new Secret(rawAccessToken);
        User me = hexclave.users().me(accessToken);
        hexclave.users().updateMe(accessToken, UpdateUserRequest.builder().displayName("Ada L.").build());
        // end::me[]
    }

    void sessions(HexclaveClient hexclave, String userId) {
        // tag::sessions[]
        SessionTokens tokens = hexclave.sessions().create(CreateSessionRequest.forUser(userId)
                .expiresIn(Duration.ofDays(30))
                .build());
        Secret accessToken = hexclave.sessions().refresh(tokens.refreshToken()); // sends only the refresh token

        List<Session> sessions = hexclave.sessions().list(userId);
        for (Session s : sessions) {
            if (s.agentName() != null) {
                hexclave.sessions().revoke(s.id(), userId); // user_id is always sent
            }
        }
        hexclave.sessions().signOut(accessToken); // the session this access token belongs to
        // end::sessions[]
    }

    void teamPermissions(HexclaveClient hexclave, String teamId, String userId) {
        // tag::permissions[]
        hexclave.teamPermissions().grant(teamId, userId, "team_admin");
        List<TeamPermission> held = hexclave.teamPermissions().list(TeamPermissionQuery.builder()
                .userId(userId).teamId(teamId).recursive(true).build());
        boolean isAdmin = held.stream().anyMatch(p -> p.id().equals("team_admin"));
        hexclave.teamPermissions().revoke(teamId, userId, "team_admin");
        // end::permissions[]
    }

    void errors(HexclaveClient hexclave, String userId, Secret accessToken) {
        // tag::errors[]
        try {
            hexclave.users().me(accessToken);
        } catch (AccessTokenExpiredException e) {         // a subclass of InvalidAccessTokenException
            // refresh the token and try again
        } catch (InvalidAccessTokenException e) {
            // sign in again
        } catch (HexclaveApiException e) {
            // e.code() e.g. "SCHEMA_ERROR", e.status(), e.requestId(), e.details() (JSON)
            System.err.println(e.getMessage()); // "Hexclave answered HTTP 400 SCHEMA_ERROR (request id …)"
        } catch (HexclaveConnectionException e) {
            // unreachable or timed out (e.timeout()); idempotent calls were already retried
        }
        // end::errors[]
    }

    void async(HexclaveClient hexclave, String userId) {
        // tag::async[]
        CompletionStage<String> name = hexclave.users().getAsync(userId)
                .thenApply(User::displayNameOrEmail)
                .exceptionally(e -> e.getCause() instanceof UserNotFoundException ? "(deleted)" : "(unknown)");
        // end::async[]
    }

    void restVerification(HexclaveClient hexclave, String rawToken) {
        // tag::rest-verifier[]
        RestTokenVerifier verifier = new RestTokenVerifier(hexclave); // needs the secret server key
        try {
            Verification v = verifier.verify(rawToken);
            if (v instanceof Verification.Accepted accepted) {
                HexclavePrincipal principal = accepted.principal();
            } else if (v instanceof Verification.Rejected rejected) {
                System.out.println(rejected.reason()); // EXPIRED, MALFORMED, REVOKED, …: answer 401
            }
        } catch (KeysUnavailableException e) {
            // Hexclave unreachable or 5xx: answer 503
        }
        // end::rest-verifier[]
    }

    void currentUser(HexclaveClient hexclave, HexclavePrincipal principal) {
        // tag::current-user[]
        UserProfileCache profiles = new UserProfileCache(); // shared, application-wide: 10 s, 1000 users
        CurrentHexclaveUser current = CurrentHexclaveUser.of(principal, hexclave, profiles);
        String id = current.userId();             // from the token, no call
        User profile = current.profile();         // loaded once, on first use
        CompletionStage<User> same = current.profileAsync(); // the same load, without blocking
        // end::current-user[]
    }

    void testSeam(HexclaveSettings settings) {
        // tag::transport[]
        HexclaveTransport canned = request -> CompletableFuture.completedFuture(
                new HexclaveResponse(404, Map.of("content-type", List.of("application/json")),
                        "{\"code\":\"USER_NOT_FOUND\",\"error\":\"User not found.\"}"));
        HexclaveClient hexclave = new HexclaveClient(settings, canned);
        // end::transport[]
    }
}
