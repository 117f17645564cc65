package io.quarkiverse.hexclave.jakarta.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import io.quarkiverse.hexclave.jakarta.HexclaveHttpAuthenticationMechanism;
import io.quarkiverse.hexclave.verifier.Challenge;

/**
 * Applies the mechanism's decision to the response, the same way on every server:
 * <ul>
 * <li>a request whose credential the mechanism rejected is answered with that rejection (401 or 503) even when it
 * asked for an unprotected resource: some servers (Open Liberty) continue to unprotected resources as if no
 * credential had been sent when the mechanism reports a failure;</li>
 * <li>every response to a request authenticated by Hexclave (or whose Hexclave user waits for an endpoint grant)
 * gets {@code Cache-Control: private, no-store}
 * ({@code hexclave.cache-control.value}; none with {@code hexclave.cache-control.enabled=false}), unless the
 * application sets its own {@code Cache-Control}, which then replaces ours (no duplicate header).</li>
 * </ul>
 */
@WebFilter(filterName = "hexclave-response", urlPatterns = "/*", asyncSupported = true)
public class HexclaveResponseFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CACHE_CONTROL = "Cache-Control";

    /** The {@code Cache-Control} of authenticated responses, or empty for none. */
    private transient volatile Optional<String> cacheControl;

    /** For the container; the value comes from the application's {@link HexclaveComponents}. */
    public HexclaveResponseFilter() {
        this(ResponseSettings.DEFAULTS);
    }

    HexclaveResponseFilter(ResponseSettings settings) {
        this.cacheControl = settings.cacheControl();
    }

    /** Takes the configured value; keeps the default when the components are not a bean (discovery turned off). */
    @Inject
    void wire(Instance<HexclaveComponents> components) {
        if (components.isResolvable()) {
            cacheControl = components.get().responseSettings().cacheControl();
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object challenge = request.getAttribute(HexclaveHttpAuthenticationMechanism.CHALLENGE_ATTRIBUTE);
        if (challenge instanceof Challenge c && !response.isCommitted()) {
            HexclaveHttpAuthenticationMechanism.send(c, response);
            return;
        }
        boolean hexclaveUser = request.getAttribute(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE) != null
                || request.getAttribute(HexclaveHttpAuthenticationMechanism.API_KEY_PRINCIPAL_ATTRIBUTE) != null
                || EndpointGrants.pending(request).isPresent(); // may be logged in by an endpoint grant, after routing
        if (!hexclaveUser || cacheControl.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new PrivateByDefault(response, cacheControl.get()));
    }

    /** Sets {@code value} at once; the first {@code Cache-Control} the application writes replaces it. */
    static final class PrivateByDefault extends HttpServletResponseWrapper {
        private boolean applicationSetCacheControl;

        PrivateByDefault(HttpServletResponse response, String value) {
            super(response);
            if (!response.containsHeader(CACHE_CONTROL)) {
                response.setHeader(CACHE_CONTROL, value);
            } else {
                applicationSetCacheControl = true;
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (CACHE_CONTROL.equalsIgnoreCase(name)) {
                applicationSetCacheControl = true;
            }
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CACHE_CONTROL.equalsIgnoreCase(name) && !applicationSetCacheControl) {
                applicationSetCacheControl = true;
                super.setHeader(name, value);
                return;
            }
            super.addHeader(name, value);
        }
    }
}
