package io.quarkiverse.hexclave.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.spi.runtime.SecurityEvent;

/** Collects every Quarkus security event the application fires (observed synchronously, as they are fired). */
@ApplicationScoped
public class SecurityEventCollector {

    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

    void collect(@Observes SecurityEvent event) {
        events.add(event);
    }

    /** The events of {@code type} collected since the last {@link #clear()}. */
    public <T extends SecurityEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<SecurityEvent> all() {
        return List.copyOf(events);
    }

    public void clear() {
        events.clear();
    }
}
