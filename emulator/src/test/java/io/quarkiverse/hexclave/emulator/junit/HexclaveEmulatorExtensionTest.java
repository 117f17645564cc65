package io.quarkiverse.hexclave.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import io.quarkiverse.hexclave.emulator.HexclaveEmulator;

/** The JUnit 5 extension starts one emulator per class, injects it everywhere, shares it with nested classes, stops it. */
@WithHexclaveEmulator(projectId = "junit-project", seedDemoUser = true)
class HexclaveEmulatorExtensionTest {

    private final HexclaveEmulator fromConstructor;
    private static HexclaveEmulator fromBeforeAll;

    HexclaveEmulatorExtensionTest(HexclaveEmulator emulator) {
        this.fromConstructor = emulator;
    }

    @BeforeAll
    static void beforeAll(HexclaveEmulator emulator) {
        fromBeforeAll = emulator;
    }

    @Test
    void sameRunningEmulatorIsInjectedEverywhereWithTheAnnotationSettings(HexclaveEmulator emulator) {
        assertThat(emulator).isSameAs(fromConstructor).isSameAs(fromBeforeAll);
        assertThat(emulator.isRunning()).isTrue();
        assertThat(emulator.projectId()).isEqualTo("junit-project");
        assertThat(emulator.users()).extracting(u -> u.primaryEmail()).containsExactly("demo@example.com");
    }

    @Nested
    class NestedTests {
        @Test
        void nestedClassSharesTheEnclosingEmulator(HexclaveEmulator emulator) {
            assertThat(emulator).isSameAs(fromBeforeAll);
        }
    }

    @Test
    void plainExtendWithStartsOneEmulatorPerClassAndStopsItAfterwards() {
        PlainExtensionFixture.SEEN.clear();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(PlainExtensionFixture.class))
                .build(), listener);
        assertThat(listener.getSummary().getTestsSucceededCount()).isEqualTo(2);
        assertThat(PlainExtensionFixture.SEEN).hasSize(2);
        HexclaveEmulator used = PlainExtensionFixture.SEEN.get(0);
        assertThat(PlainExtensionFixture.SEEN.get(1)).isSameAs(used);
        assertThat(used).isNotSameAs(fromConstructor);
        assertThat(used.isRunning()).isFalse();
        assertThat(used.users()).isEmpty();
    }

    @Test
    void sharedEmulatorServesEveryClassOfTheRunAndClosesWhenTheRunEnds() {
        SharedEmulatorFixtures.SEEN.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SharedEmulatorFixtures.First.class), selectClass(SharedEmulatorFixtures.Second.class))
                .build(), listener);
        assertThat(listener.getSummary().getTestsSucceededCount()).isEqualTo(2);
        assertThat(SharedEmulatorFixtures.SEEN).hasSize(2);
        HexclaveEmulator shared = SharedEmulatorFixtures.SEEN.get(0);
        assertThat(SharedEmulatorFixtures.SEEN.get(1)).isSameAs(shared);
        assertThat(shared.projectId()).isEqualTo("shared-project");
        assertThat(shared.isRunning()).isFalse();
    }
}
