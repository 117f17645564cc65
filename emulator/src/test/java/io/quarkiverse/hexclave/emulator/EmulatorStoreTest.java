package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.emulator.internal.CliAttempt;
import io.quarkiverse.hexclave.emulator.internal.EmulatorStore;
import io.quarkiverse.hexclave.emulator.internal.StoredSession;

/** The store drops what can never be used again, so a long-running emulator does not grow without bound. */
class EmulatorStoreTest {

    private final MovableClock clock = new MovableClock();
    private final EmulatorStore store = new EmulatorStore(clock);

    @Test
    void expiredSessionsAreRemovedWhenASessionIsCreated() {
        StoredSession shortLived = store.createSession("u1", 1_000, false);
        StoredSession longLived = store.createSession("u1", 3_600_000, false);
        clock.advance(Duration.ofSeconds(2));

        store.createSession("u2", 3_600_000, false);

        assertThat(store.storedSessionCount()).isEqualTo(2);
        assertThat(store.session(shortLived.id)).isNull();
        assertThat(store.session(longLived.id)).isNotNull();
    }

    @Test
    void expiredCliAttemptsAreRemovedAfterTheRetentionWhenALoginStarts() {
        CliAttempt old = store.startCli(1_000);
        clock.advance(Duration.ofSeconds(2));
        store.startCli(60_000);
        assertThat(store.cliByPollingCode(old.pollingCode)).as("still answers 'expired' for a while").isNotNull();

        clock.advance(Duration.ofMillis(EmulatorStore.CLI_RETENTION_MILLIS));
        store.startCli(60_000);

        assertThat(store.cliByPollingCode(old.pollingCode)).isNull();
        assertThat(store.cliByLoginCode(old.loginCode)).isNull();
        assertThat(store.storedCliAttemptCount()).as("the other two are within the retention").isEqualTo(2);
    }
}
