package io.quarkiverse.hexclave.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;

/**
 * The jar in an EAR's {@code lib/}, shared by several WARs, gives them one {@link HexclaveComponents}: its settings are
 * one module's, so a second module is refused rather than served with another project's settings.
 */
class OneProjectPerDeploymentUnitTest {

    static ServletContext module(String contextPath) {
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] { ServletContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> contextPath;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theSameModuleMayClaimItsComponentsAgain() {
        HexclaveComponents components = new HexclaveComponents();
        assertThatCode(() -> {
            components.claim("/shop");
            components.claim("/shop");
        }).doesNotThrowAnyException();
    }

    @Test
    void aSecondModuleIsRefusedWithTheFix() {
        HexclaveComponents components = new HexclaveComponents();
        components.claim("/shop");
        assertThatThrownBy(() -> components.claim("/admin")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'/shop' and '/admin'").hasMessageContaining("WEB-INF/lib");
    }

    @Test
    void aSecondModuleStartingFailsItsDeployment() {
        HexclaveComponents components = new HexclaveComponents();
        components.claim(module("").getContextPath());
        assertThatThrownBy(() -> components.onStart(module("/admin"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'/' and '/admin'");
    }
}
