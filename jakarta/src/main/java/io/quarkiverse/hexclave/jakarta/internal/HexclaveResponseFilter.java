package io.quarkiverse.hexclave.jakarta.internal;

import java.io.IOException;

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
 * <li>every response to a request authenticated by Hexclave gets {@code Cache-Control: private, no-store}, unless
 * the application sets its own {@code Cache-Control}, which then replaces ours (no duplicate header).</li>
 * </ul>
 */
@WebFilter(filterName = "hexclave-response", urlPatterns = "/*", asyncSupported = true)
public class HexclaveResponseFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CACHE_CONTROL = "Cache-Control";
    static final String PRIVATE_NO_STORE = "private, no-store";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object challenge = request.getAttribute(HexclaveHttpAuthenticationMechanism.CHALLENGE_ATTRIBUTE);
        if (challenge instanceof Challenge c && !response.isCommitted()) {
            HexclaveHttpAuthenticationMechanism.send(c, response);
            return;
        }
        if (request.getAttribute(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE) == null) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new PrivateByDefault(response));
    }

    /** Sets {@code private, no-store} at once; the first {@code Cache-Control} the application writes replaces it. */
    static final class PrivateByDefault extends HttpServletResponseWrapper {
        private boolean applicationSetCacheControl;

        PrivateByDefault(HttpServletResponse response) {
            super(response);
            if (!response.containsHeader(CACHE_CONTROL)) {
                response.setHeader(CACHE_CONTROL, PRIVATE_NO_STORE);
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
