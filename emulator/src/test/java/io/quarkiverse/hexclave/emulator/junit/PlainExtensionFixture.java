package io.quarkiverse.hexclave.emulator.junit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkiverse.hexclave.emulator.HexclaveEmulator;

/**
 * Not a test on its own (the name keeps surefire away): {@link HexclaveEmulatorExtensionTest} runs it through the
 * JUnit launcher and inspects what it recorded.
 */
@ExtendWith(HexclaveEmulatorExtension.class)
class PlainExtensionFixture {

    static final List<HexclaveEmulator> SEEN = new CopyOnWriteArrayList<>();

    @Test
    void first(HexclaveEmulator emulator) {
        SEEN.add(emulator);
    }

    @Test
    void second(HexclaveEmulator emulator) {
        SEEN.add(emulator);
    }
}
