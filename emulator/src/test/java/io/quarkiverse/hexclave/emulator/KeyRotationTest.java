package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key rotation gives every class new kids, signs with them, and drops or keeps the old keys. */
class KeyRotationTest {

    private HexclaveEmulator emu;
    private EmulatorHttp http;
    private EmulatedUser user;

    @BeforeEach
    void start() {
        emu = HexclaveEmulator.builder().build().start();
        http = new EmulatorHttp(emu);
        user = emu.createUser(NewUser.withEmail("rot@example.com").build());
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private List<String> kids() {
        return EmulatorHttp.texts(http.anonymous().get("/api/v1/projects/" + emu.projectId()
                + "/.well-known/jwks.json?include_anonymous=true").json().get("keys"), "kid");
    }

    private static String kidOf(String jwt) throws Exception {
        return AccessTokenShapeTest.part(jwt, 0).get("kid").asText();
    }

    @Test
    void rotationReplacesEveryKidAndDropsTheOldKeys() throws Exception {
        List<String> before = kids();
        String oldToken = emu.mintAccessToken(user);
        emu.rotateKeys();
        List<String> after = kids();
        assertThat(after).hasSize(6).doesNotContainAnyElementsOf(before);
        String newToken = emu.mintAccessToken(user);
        assertThat(kidOf(newToken)).isEqualTo(after.get(0));
        assertThat(http.server().accessToken(newToken).get("/users/me").status()).isEqualTo(200);
        EmulatorHttp.Reply old = http.server().accessToken(oldToken).get("/users/me");
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.code()).isEqualTo("UNPARSABLE_ACCESS_TOKEN");
    }

    @Test
    void rotationKeepingOldKeysPublishesBothGenerationsNewFirst() throws Exception {
        List<String> before = kids();
        String oldToken = emu.mintAccessToken(user);
        emu.rotateKeys(true);
        List<String> after = kids();
        assertThat(after).hasSize(12).containsAll(before);
        assertThat(after.subList(0, 2)).doesNotContainAnyElementsOf(before);
        assertThat(after.subList(2, 4)).isEqualTo(before.subList(0, 2));
        assertThat(kidOf(emu.mintAccessToken(user))).isEqualTo(after.get(0));
        assertThat(http.server().accessToken(oldToken).get("/users/me").status()).isEqualTo(200);
        emu.rotateKeys(true); // only the previous generation is kept
        assertThat(kids()).hasSize(12).doesNotContainAnyElementsOf(before);
    }
}
