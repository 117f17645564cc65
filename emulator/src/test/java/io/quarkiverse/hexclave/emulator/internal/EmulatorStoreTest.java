package io.quarkiverse.hexclave.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The store drops what can never be used again, so a long-running emulator does not grow without bound. */
class EmulatorStoreTest {

    private static final class StepClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StepClock clock = new StepClock();
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
