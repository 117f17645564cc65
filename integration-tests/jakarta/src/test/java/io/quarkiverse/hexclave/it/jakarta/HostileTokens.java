package io.quarkiverse.hexclave.it.jakarta;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BiFunction;

import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.emulator.UserClass;

/**
 * One knob per attack vector against a valid token of a normal user; each names the {@code error_description} the
 * server must answer with. A new vector is one line.
 */
enum HostileTokens {

    EXPIRED("token expired", (emulator, user) -> emulator.token(user).expiresIn(Duration.ofMinutes(-5)).mint()),
    BAD_SIGNATURE("invalid signature", (emulator, user) -> emulator.token(user).signWithForeignKey().mint()),
    WRONG_AUDIENCE("wrong audience", (emulator, user) -> emulator.token(user).audience(UUID.randomUUID().toString()).mint()),
    WRONG_ISSUER("wrong issuer", (emulator, user) -> emulator.token(user).issuerOrigin("https://api.evil.example").mint()),
    ALGORITHM_HS256("algorithm not allowed", (emulator, user) -> emulator.token(user).algorithm("HS256").mint()),
    UNKNOWN_KEY("unknown signing key", (emulator, user) -> emulator.token(user).kid("no-such-key").signWithForeignKey().mint()),
    // Restricted and anonymous users' keys are not even fetched when such users are not allowed: either reason is right.
    RESTRICTED_USER_NOT_ALLOWED("restricted users are not allowed|unknown signing key",
            (emulator, user) -> emulator.mintAccessToken(emulator.createUser(NewUser.withEmail("r-" + UUID.randomUUID()
                    + "@example.com").restrictedByAdmin("spam").build()))),
    ANONYMOUS_USER_NOT_ALLOWED("anonymous users are not allowed|unknown signing key",
            (emulator, user) -> emulator.mintAccessToken(UserClass.ANONYMOUS));

    /** The expected {@code error_description}, or alternatives separated by {@code |}. */
    final String description;
    private final BiFunction<HexclaveEmulator, EmulatedUser, String> mint;

    HostileTokens(String description, BiFunction<HexclaveEmulator, EmulatedUser, String> mint) {
        this.description = description;
        this.mint = mint;
    }

    /** The RFC 6750 challenges the server may answer with. */
    java.util.List<String> challenges() {
        return java.util.Arrays.stream(description.split("\\|"))
                .map(d -> "Bearer error=\"invalid_token\", error_description=\"" + d + "\"").toList();
    }

    String mint(HexclaveEmulator emulator, EmulatedUser user) {
        return mint.apply(emulator, user);
    }
}
