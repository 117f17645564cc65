package io.quarkiverse.hexclave.runtime.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.client.JdkHttpTransport;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkus.proxy.ProxyConfiguration;
import io.quarkus.proxy.ProxyConfigurationRegistry;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.quarkus.tls.runtime.config.TlsConfigUtils;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;

/**
 * The one HTTP client of a Quarkus application's calls to Hexclave: a Vert.x client on the application's Vert.x
 * instance, with the TLS configuration and the proxy of the Quarkus registries.
 * <ul>
 * <li>TLS: the configuration named by {@code quarkus.hexclave.http.tls-configuration-name}; without a name, the
 * registry's default ({@code quarkus.tls.*}) when it sets a trust store (or trusts all), as the REST client does;
 * otherwise the JVM's trust store.</li>
 * <li>Proxy: the configuration named by {@code quarkus.hexclave.http.proxy-configuration-name} ({@code none}: no
 * proxy); without a name, the default {@code quarkus.proxy.*} when it sets a host; otherwise none.</li>
 * </ul>
 * A name that the registry does not know fails the start, naming the key.
 */
public final class OutgoingHttp {

    private static final Logger LOG = Logger.getLogger(OutgoingHttp.class);

    /** Keys relative to {@code quarkus.hexclave.}, for the configuration errors. */
    static final String TLS_KEY = "http.tls-configuration-name";
    static final String PROXY_KEY = "http.proxy-configuration-name";

    private OutgoingHttp() {
    }

    /**
     * The transport: nothing is connected yet.
     *
     * @throws HexclaveConfigException naming {@value #TLS_KEY} or {@value #PROXY_KEY} when the registry has no
     *         configuration of that name
     */
    public static HexclaveTransport transport(Vertx vertx, Duration connectTimeout, Optional<String> tlsName,
            Optional<String> proxyName, TlsConfigurationRegistry tlsRegistry, ProxyConfigurationRegistry proxyRegistry) {
        // No Vert.x tracing: with quarkus-opentelemetry, the extension's own span of each call (TracingTransport) is
        // the client span and has put its traceparent in the headers; Vert.x's span would send a second one.
        HttpClientOptions options = new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .setTracingPolicy(TracingPolicy.IGNORE);
        List<String> described = new ArrayList<>(2);
        Optional<TlsConfiguration> tls = tls(tlsName, tlsRegistry);
        if (tls.isPresent()) {
            TlsConfigUtils.configure(options, tls.get());
            described.add("tls=" + tlsName.orElse("<default>"));
        } else {
            described.add("tls=<JVM default trust store>");
        }
        Optional<ProxyConfiguration> proxy = proxy(proxyName, proxyRegistry);
        if (proxy.isPresent()) {
            ProxyConfiguration p = proxy.get();
            ProxyOptions proxyOptions = new ProxyOptions().setType(ProxyType.valueOf(p.type().name())).setHost(p.host())
                    .setPort(p.port());
            p.username().ifPresent(proxyOptions::setUsername);
            p.password().ifPresent(proxyOptions::setPassword);
            p.proxyConnectTimeout().ifPresent(proxyOptions::setConnectTimeout);
            options.setProxyOptions(proxyOptions);
            p.nonProxyHosts().ifPresent(options::setNonProxyHosts);
            // The password is never shown; the user name only as set or not.
            described.add("proxy=" + p.type() + " " + p.host() + ":" + p.port()
                    + (p.username().isPresent() ? " (with credentials)" : "")
                    + p.nonProxyHosts().map(h -> ", not for " + h).orElse(""));
        } else {
            described.add("proxy=none");
        }
        String description = String.join(", ", described);
        LOG.debugf("Hexclave calls: one Vert.x HTTP client, %s", description);
        return new VertxTransport(vertx, options, JdkHttpTransport.MAX_BODY_BYTES, description);
    }

    static Optional<TlsConfiguration> tls(Optional<String> name, TlsConfigurationRegistry registry) {
        if (name.isPresent()) {
            Optional<TlsConfiguration> named = registry.get(name.get());
            if (named.isEmpty()) {
                throw new HexclaveConfigException(TLS_KEY, "{key} names the TLS configuration \"" + name.get()
                        + "\", which is not defined: configure it with quarkus.tls.\"" + name.get() + "\".trust-store.*"
                        + " (and key-store.* for client certificates), or remove {key}");
            }
            return named;
        }
        // As the REST client: the default configuration applies when it says whom to trust, not for a key store only
        // (the HTTP server's certificate is no client certificate).
        return registry.getDefault().filter(d -> d.getTrustStoreOptions() != null || d.isTrustAll());
    }

    static Optional<ProxyConfiguration> proxy(Optional<String> name, ProxyConfigurationRegistry registry) {
        if (name.isPresent() && name.get().equals(ProxyConfigurationRegistry.NONE)) {
            return Optional.empty();
        }
        try {
            return registry.get(name);
        } catch (IllegalStateException e) { // the registry's message for an unknown name
            throw new HexclaveConfigException(PROXY_KEY, "{key} names the proxy configuration \"" + name.orElse("")
                    + "\", which is not defined: set quarkus.proxy.\"" + name.orElse("") + "\".host (and port), use "
                    + ProxyConfigurationRegistry.NONE + " for no proxy, or remove {key}");
        }
    }
}
