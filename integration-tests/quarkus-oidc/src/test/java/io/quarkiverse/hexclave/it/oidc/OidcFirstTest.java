package io.quarkiverse.hexclave.it.oidc;

import static io.quarkiverse.hexclave.it.oidc.Tokens.get;
import static io.quarkiverse.hexclave.it.oidc.Tokens.hexclaveChallenge;
import static io.quarkiverse.hexclave.it.oidc.Tokens.oidcChallenge;
import static io.quarkiverse.hexclave.it.oidc.Tokens.verifiedByHexclave;
import static io.quarkiverse.hexclave.it.oidc.Tokens.verifiedByOidc;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code quarkus.hexclave.priority=900}, below quarkus-oidc's 1001: quarkus-oidc asks first and, unlike Hexclave,
 * does not decline a bearer token it did not issue: it refuses it. So Hexclave tokens pass only where a path selects
 * the Hexclave mechanism.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
@TestProfile(OidcFirstTest.OidcFirst.class)
class OidcFirstTest {

    HexclaveEmulator emulator;

    /** quarkus-oidc before Hexclave. */
    public static class OidcFirst implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.hexclave.priority", "900");
        }
    }

    @Test
    void partnerTokenIsVerifiedByOidc() {
        verifiedByOidc(get("/whoami", Tokens.partner(Tokens.PARTNER_ISSUER)));
        verifiedByOidc(get("/oidc-only", Tokens.partner(Tokens.PARTNER_ISSUER)));
    }

    @Test
    void oidcRefusesHexclaveTokensWhereBothMechanismsMayRun() {
        oidcChallenge(get("/whoami", emulator.mintAccessToken(Tokens.user(emulator))));
        oidcChallenge(get("/whoami", Tokens.partner("https://someone-else.example.com")));
        // no credential: the first mechanism by priority answers
        oidcChallenge(get("/whoami", null));
    }

    @Test
    void hexclavePathTakesHexclaveTokens() {
        EmulatedUser user = Tokens.user(emulator);
        verifiedByHexclave(get("/hexclave-only", emulator.mintAccessToken(user)), user.id());
        hexclaveChallenge(get("/hexclave-only", emulator.token(user).signWithForeignKey().mint()),
                HexclaveFirstTest.INVALID_SIGNATURE);
        hexclaveChallenge(get("/hexclave-only", Tokens.partner(Tokens.PARTNER_ISSUER)), "Bearer");
    }

    /**
     * API keys with quarkus-oidc first, exactly as Hexclave tokens: a key in its own header never reaches OIDC, a
     * key as a bearer value is refused by OIDC where both mechanisms may run, and passes on a Hexclave path.
     */
    @Test
    void apiKeysBehaveAsHexclaveTokensDo() {
        EmulatedUser user = Tokens.user(emulator);
        String key = Tokens.userKey(emulator, user);
        Tokens.verifiedByHexclaveKey(Tokens.getWithKeyHeader("/whoami", key), user.id());
        oidcChallenge(get("/whoami", key));
        Tokens.verifiedByHexclaveKey(get("/hexclave-only", key), user.id());
    }
}
