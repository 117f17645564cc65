package io.quarkiverse.hexclave.it.oidc;

import static io.quarkiverse.hexclave.it.oidc.Tokens.get;
import static io.quarkiverse.hexclave.it.oidc.Tokens.hexclaveChallenge;
import static io.quarkiverse.hexclave.it.oidc.Tokens.oidcChallenge;
import static io.quarkiverse.hexclave.it.oidc.Tokens.verifiedByHexclave;
import static io.quarkiverse.hexclave.it.oidc.Tokens.verifiedByOidc;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * quarkus-oidc (static key and issuer) and Hexclave in one application, default priorities: Hexclave (1100) asks
 * first and declines bearer tokens it did not issue, so a partner's token reaches quarkus-oidc (1001). Each failure
 * gets the challenge of the mechanism that failed; paths can select one mechanism.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
class HexclaveFirstTest {

    static final String INVALID_SIGNATURE = "Bearer error=\"invalid_token\", error_description=\"invalid signature\"";

    HexclaveEmulator emulator;

    @Test
    void partnerTokenIsVerifiedByOidc() {
        verifiedByOidc(get("/whoami", Tokens.partner(Tokens.PARTNER_ISSUER)));
    }

    @Test
    void hexclaveTokenIsVerifiedByHexclave() {
        EmulatedUser user = Tokens.user(emulator);
        verifiedByHexclave(get("/whoami", emulator.mintAccessToken(user)), user.id());
    }

    @Test
    void eachFailureGetsTheChallengeOfItsMechanism() {
        oidcChallenge(get("/whoami", Tokens.partner("https://someone-else.example.com")));
        hexclaveChallenge(get("/whoami", emulator.token(Tokens.user(emulator)).signWithForeignKey().mint()),
                INVALID_SIGNATURE);
        // no credential: the first mechanism by priority answers
        hexclaveChallenge(get("/whoami", null), "Bearer");
    }

    @Test
    void pathsSelectOneMechanism() {
        EmulatedUser user = Tokens.user(emulator);
        String hexclaveToken = emulator.mintAccessToken(user);
        String partnerToken = Tokens.partner(Tokens.PARTNER_ISSUER);

        verifiedByHexclave(get("/hexclave-only", hexclaveToken), user.id());
        hexclaveChallenge(get("/hexclave-only", partnerToken), "Bearer");
        hexclaveChallenge(get("/hexclave-only", null), "Bearer");

        verifiedByOidc(get("/oidc-only", partnerToken));
        oidcChallenge(get("/oidc-only", hexclaveToken));
        oidcChallenge(get("/oidc-only", null));
    }

    /** API keys beside quarkus-oidc, Hexclave first: in their header and as a key-shaped bearer value. */
    @Test
    void apiKeysAreCheckedByHexclave() {
        EmulatedUser user = Tokens.user(emulator);
        String key = Tokens.userKey(emulator, user);
        Tokens.verifiedByHexclaveKey(Tokens.getWithKeyHeader("/whoami", key), user.id());
        Tokens.verifiedByHexclaveKey(get("/whoami", key), user.id()); // Bearer: recognisably a key, not a JWT
        hexclaveChallenge(Tokens.getWithKeyHeader("/whoami", key.substring(0, key.length() - 4) + "AAAA"),
                "Bearer error=\"invalid_token\", error_description=\"invalid api key\"");
        verifiedByOidc(get("/whoami", Tokens.partner(Tokens.PARTNER_ISSUER))); // partner tokens still reach OIDC
    }
}
