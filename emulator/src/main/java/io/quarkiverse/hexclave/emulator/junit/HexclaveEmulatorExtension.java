package io.quarkiverse.hexclave.emulator.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.quarkiverse.hexclave.emulator.HexclaveEmulator;

/**
 * JUnit 5 extension: one emulator per test class, started before all tests and closed after all tests of the class;
 * injected as a {@link HexclaveEmulator} parameter of constructors, {@code @BeforeAll}/{@code @BeforeEach} and test
 * methods. {@code @Nested} classes share the emulator of their enclosing class. Settings come from
 * {@link WithHexclaveEmulator} when present; with {@link WithHexclaveEmulator#shared()} one emulator serves the whole
 * test run and is closed when the run ends.
 * <p>
 * State is not reset between test methods: create fresh users per test, or call {@code faults().reset()}.
 */
public final class HexclaveEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
            .create(HexclaveEmulatorExtension.class);
    private static final String KEY = "emulator";
    private static final String SHARED_KEY = "shared-emulator";

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Object owned = context.getStore(NAMESPACE).remove(KEY);
        if (owned instanceof HexclaveEmulator emulator) {
            emulator.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        return parameterContext.getParameter().getType() == HexclaveEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        return emulator(extensionContext);
    }

    /** The emulator of the nearest enclosing class context that owns one, else a new one owned by the class context. */
    private static HexclaveEmulator emulator(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        for (Optional<ExtensionContext> c = Optional.of(classContext); c.isPresent(); c = c.get().getParent()) {
            Object existing = c.get().getStore(NAMESPACE).get(KEY);
            if (existing instanceof HexclaveEmulator emulator) {
                return emulator;
            }
        }
        WithHexclaveEmulator settings = classContext.getTestClass().map(HexclaveEmulatorExtension::settings).orElse(null);
        if (settings != null && settings.shared()) {
            ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
            synchronized (HexclaveEmulatorExtension.class) {
                if (root.get(SHARED_KEY) instanceof RunScoped existing) {
                    return existing.emulator;
                }
                RunScoped created = new RunScoped(start(settings));
                root.put(SHARED_KEY, created);
                return created.emulator;
            }
        }
        HexclaveEmulator emulator = start(settings);
        classContext.getStore(NAMESPACE).put(KEY, emulator);
        return emulator;
    }

    private static HexclaveEmulator start(WithHexclaveEmulator settings) {
        HexclaveEmulator.Builder builder = HexclaveEmulator.builder();
        if (settings != null) {
            if (!settings.projectId().isEmpty()) {
                builder.projectId(settings.projectId());
            }
            builder.requirePublishableClientKey(settings.requirePublishableClientKey());
        }
        HexclaveEmulator emulator = builder.build().start();
        if (settings != null && settings.seedDemoUser()) {
            emulator.seedDemoUser();
        }
        return emulator;
    }

    /**
     * Holds the run-wide emulator in the root store, which closes it when the run ends: as an {@link AutoCloseable}
     * (JUnit 5.13 and later) or as a {@code CloseableResource} (earlier versions). Closing twice is harmless.
     */
    @SuppressWarnings("deprecation")
    private record RunScoped(HexclaveEmulator emulator) implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            emulator.close();
        }
    }

    private static WithHexclaveEmulator settings(Class<?> testClass) {
        // @Nested (inner, non-static) classes inherit the settings of their enclosing classes; static ones do not
        for (Class<?> c = testClass; c != null; c = java.lang.reflect.Modifier.isStatic(c.getModifiers()) ? null
                : c.getEnclosingClass()) {
            WithHexclaveEmulator found = find(c);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static WithHexclaveEmulator find(AnnotatedElement element) {
        WithHexclaveEmulator direct = element.getAnnotation(WithHexclaveEmulator.class);
        if (direct != null) {
            return direct;
        }
        for (var a : element.getAnnotations()) {
            WithHexclaveEmulator meta = a.annotationType().getAnnotation(WithHexclaveEmulator.class);
            if (meta != null) {
                return meta;
            }
        }
        return null;
    }
}
