package io.quarkiverse.hexclave.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.verifier.UserClass;

/** The grants found when the module starts reach the verifier's policy, and nothing else widens it. */
class HexclaveGrantsInitializerTest {

    static final String PROJECT = "e0b52f4d-dece-408c-af49-d23061bb0f8d";

    final Map<String, Object> attributes = new HashMap<>();
    final ServletContext module = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
            new Class<?>[] { ServletContext.class }, (proxy, method, args) -> switch (method.getName()) {
                case "getContextPath" -> "/shop";
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                case "getAttribute" -> attributes.get((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    HexclaveComponents components() {
        return new HexclaveComponents(ConfigLookup.of(Map.of("hexclave.project-id", PROJECT,
                "hexclave.api-url", "http://127.0.0.1:1")));
    }

    @Test
    void grantsFoundAtStartWidenTheVerifiersAnywhereButNotItsGlobalPolicy() {
        new HexclaveGrantsInitializer().onStartup(Set.of(EndpointGrantsTest.Cart.class), module);
        HexclaveComponents components = components();

        components.claim(module);

        assertThat(components.verifier().policy().global()).containsExactly(UserClass.NORMAL);
        // Cart grants restricted users on a method and anonymous users on its sub-resource.
        assertThat(components.verifier().policy().anywhere()).containsExactlyInAnyOrder(UserClass.NORMAL,
                UserClass.RESTRICTED, UserClass.ANONYMOUS);
    }

    @Test
    void withoutTheInitializerOnlyTheGlobalPolicyApplies() {
        HexclaveComponents components = components();

        components.claim(module);

        assertThat(components.verifier().policy().anywhere()).containsExactly(UserClass.NORMAL);
    }

    @Test
    void theContainerMayHandOverNoClassesAtAll() {
        new HexclaveGrantsInitializer().onStartup(null, module);

        assertThat(EndpointGrants.of(module).classes()).isEmpty();
    }
}
