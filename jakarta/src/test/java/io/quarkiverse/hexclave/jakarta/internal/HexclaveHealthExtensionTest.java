package io.quarkiverse.hexclave.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveConfigException;

class HexclaveHealthExtensionTest {

    final List<Class<?>> added = new ArrayList<>();
    final List<Annotation> annotations = new ArrayList<>();

    BeforeBeanDiscovery discovery() {
        AnnotatedTypeConfigurator<?> configurator = (AnnotatedTypeConfigurator<?>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { AnnotatedTypeConfigurator.class }, (p, m, a) -> {
                    if (m.getName().equals("add")) {
                        annotations.add((Annotation) a[0]);
                        return p;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return (BeforeBeanDiscovery) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { BeforeBeanDiscovery.class }, (p, m, a) -> {
                    if (m.getName().equals("addAnnotatedType") && a[0] instanceof Class<?> type) {
                        added.add(type);
                        return configurator;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void withMicroProfileHealthTheCheckIsAddedApplicationScoped() {
        new HexclaveHealthExtension().addReadinessCheck(discovery(), ConfigLookup.of(Map.of()),
                getClass().getClassLoader());

        assertThat(added).extracting(Class::getName).containsExactly(HexclaveHealthExtension.READINESS_CHECK);
        assertThat(annotations).containsExactly(ApplicationScoped.Literal.INSTANCE);
    }

    @Test
    void withoutMicroProfileHealthNothingIsAddedNorLoaded() {
        ClassLoader withoutHealth = new ClassLoader(null) {
        }; // the JDK's classes only

        new HexclaveHealthExtension().addReadinessCheck(discovery(), ConfigLookup.of(Map.of()), withoutHealth);

        assertThat(added).isEmpty();
    }

    @Test
    void itCanBeTurnedOff() {
        new HexclaveHealthExtension().addReadinessCheck(discovery(),
                ConfigLookup.of(Map.of("hexclave.health.enabled", "false")), getClass().getClassLoader());

        assertThat(added).isEmpty();
    }

    @Test
    void aMalformedSwitchFailsTheDeploymentNamingIt() {
        assertThatThrownBy(() -> new HexclaveHealthExtension().addReadinessCheck(discovery(),
                ConfigLookup.of(Map.of("hexclave.health.enabled", "perhaps")), getClass().getClassLoader()))
                .isInstanceOf(HexclaveConfigException.class).hasMessageContaining("hexclave.health.enabled");
    }
}
