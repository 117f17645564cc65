package io.quarkiverse.hexclave.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveComponents;
import io.quarkiverse.hexclave.verifier.AccessToken;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.Verification;

/**
 * {@code hexclave.user-profile.cache-ttl}: with it, a profile loaded by one request's {@link HexclaveIdentity} is reused
 * by the next request of the same user (here: still served after the user was deleted); without it (the default),
 * every request loads its own.
 */
class UserProfileCacheFromConfigTest {

    private final HexclaveEmulator emulator = HexclaveEmulator.builder().build().start();
    private HexclaveComponents components;

    @AfterEach
    void stop() {
        if (components != null) {
            components.verifier().close();
            components.client().close();
        }
        emulator.close();
    }

    HexclaveComponents components(Map<String, String> extra) {
        Map<String, String> keys = new java.util.HashMap<>(Map.of("hexclave.project-id", emulator.projectId(),
                "hexclave.api-url", emulator.apiUrl(), "hexclave.secret-server-key", emulator.secretServerKey()));
        keys.putAll(extra);
        components = new HexclaveComponents(ConfigLookup.of(keys));
        return components;
    }

    /** A new request's identity, as CDI makes one per request. */
    HexclaveIdentity request(HexclavePrincipal principal) {
        HexclaveIdentity identity = new HexclaveIdentity() {
            @Override
            public Optional<HexclavePrincipal> principal() {
                return Optional.of(principal);
            }
        };
        identity.components = components;
        return identity;
    }

    HexclavePrincipal signIn(EmulatedUser user) {
        Verification verification = components.verifier().verify(AccessToken.of(emulator.mintAccessToken(user)),
                components.verifier().policy().global());
        return ((Verification.Accepted) verification).principal();
    }

    @Test
    void withATtlTheProfileIsSharedAcrossRequests() {
        components(Map.of("hexclave.user-profile.cache-ttl", "1m", "hexclave.user-profile.cache-size", "10"));
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").build());
        HexclavePrincipal principal = signIn(ada);
        assertThat(request(principal).currentUser().orElseThrow().profile().id()).isEqualTo(ada.id());

        emulator.deleteUser(ada.id());

        assertThat(request(principal).currentUser().orElseThrow().profile().id()).isEqualTo(ada.id());
        assertThat(components.userProfileCache().orElseThrow().size()).isEqualTo(1);
    }

    @Test
    void byDefaultEveryRequestLoadsItsOwn() {
        components(Map.of());
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").build());
        HexclavePrincipal principal = signIn(ada);
        assertThat(request(principal).currentUser().orElseThrow().profile().id()).isEqualTo(ada.id());

        emulator.deleteUser(ada.id());

        assertThat(components.userProfileCache()).isEmpty();
        assertThatThrownBy(() -> request(principal).currentUser().orElseThrow().profile())
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void negativeOrMalformedValuesFailNamingTheKey() {
        assertThatThrownBy(() -> components(Map.of("hexclave.user-profile.cache-ttl", "-1s")).userProfileCache())
                .isInstanceOf(HexclaveConfigException.class).hasMessageContaining("hexclave.user-profile.cache-ttl");
        assertThatThrownBy(() -> components(Map.of("hexclave.user-profile.cache-size", "lots")).userProfileCache())
                .isInstanceOf(HexclaveConfigException.class).hasMessageContaining("hexclave.user-profile.cache-size");
        components = null;
    }
}
