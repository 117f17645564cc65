package io.quarkiverse.hexclave.emulator.junit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.emulator.HexclaveEmulator;

/**
 * Not tests on their own (the name keeps surefire away): {@link HexclaveEmulatorExtensionTest} runs both classes in one
 * launcher execution and checks they got the same run-wide emulator.
 */
final class SharedEmulatorFixtures {

    static final List<HexclaveEmulator> SEEN = new CopyOnWriteArrayList<>();

    private SharedEmulatorFixtures() {
    }

    @WithHexclaveEmulator(shared = true, projectId = "shared-project")
    static class First {
        @Test
        void records(HexclaveEmulator emulator) {
            SEEN.add(emulator);
        }
    }

    @WithHexclaveEmulator(shared = true)
    static class Second {
        @Test
        void records(HexclaveEmulator emulator) {
            SEEN.add(emulator);
        }
    }
}
