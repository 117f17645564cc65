package io.quarkiverse.hexclave.emulator.junit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.emulator.HexclaveEmulator;

/**
 * Not tests on their own (the name keeps surefire away): {@link HexclaveEmulatorExtensionTest} runs the classes in one
 * launcher execution and checks that equal settings got the same run-wide emulator, other settings another one.
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

    @WithHexclaveEmulator(shared = true, projectId = "shared-project")
    static class Second {
        @Test
        void records(HexclaveEmulator emulator) {
            SEEN.add(emulator);
        }
    }

    /** Other settings: another run-wide emulator. */
    @WithHexclaveEmulator(shared = true, projectId = "other-shared-project")
    static class Third {
        @Test
        void records(HexclaveEmulator emulator) {
            SEEN.add(emulator);
        }
    }
}
