package io.quarkiverse.hexclave.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.jakarta.HexclaveHttpAuthenticationMechanism;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;

class HexclaveResponseFilterTest {

    final Map<String, Object> attributes = new HashMap<>();
    final Map<String, List<String>> headers = new HashMap<>();
    final List<Integer> errors = new ArrayList<>();
    boolean chainCalled;

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (p, m, a) -> switch (m.getName()) {
                    case "getAttribute" -> attributes.get((String) a[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (p, m, a) -> switch (m.getName()) {
                    case "setHeader" -> headers.put((String) a[0], new ArrayList<>(List.of((String) a[1])));
                    case "addHeader" -> headers.computeIfAbsent((String) a[0], k -> new ArrayList<>()).add((String) a[1]);
                    case "containsHeader" -> headers.containsKey((String) a[0]);
                    case "isCommitted" -> false;
                    case "sendError" -> errors.add((Integer) a[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    void filter(FilterChain chain) throws IOException, ServletException {
        filter(new HexclaveResponseFilter(), chain);
    }

    void filter(HexclaveResponseFilter filter, FilterChain chain) throws IOException, ServletException {
        filter.doFilter(request(), response(), (req, res) -> {
            chainCalled = true;
            chain.doFilter(req, res);
        });
    }

    @Test
    void unauthenticatedRequestPassesUntouched() throws Exception {
        filter((req, res) -> {
        });

        assertThat(chainCalled).isTrue();
        assertThat(headers).isEmpty();
    }

    @Test
    void authenticatedResponseIsPrivateAndNotStoredByDefault() throws Exception {
        attributes.put(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE, "someone");

        filter((req, res) -> {
        });

        assertThat(headers).containsEntry("Cache-Control", List.of("private, no-store"));
    }

    @Test
    void applicationCacheControlReplacesTheDefaultEvenWhenAdded() throws Exception {
        attributes.put(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE, "someone");

        filter((req, res) -> ((HttpServletResponse) res).addHeader("Cache-Control", "private, max-age=60"));

        assertThat(headers).containsEntry("Cache-Control", List.of("private, max-age=60"));
    }

    @Test
    void rejectedRequestIsAnsweredWithTheRejectionAndNeverReachesTheApplication() throws Exception {
        attributes.put(HexclaveHttpAuthenticationMechanism.CHALLENGE_ATTRIBUTE,
                Challenge.unauthorized(RejectionReason.EXPIRED));

        filter((req, res) -> {
        });

        assertThat(chainCalled).isFalse();
        assertThat(errors).containsExactly(401);
        assertThat(headers).containsEntry("WWW-Authenticate",
                List.of("Bearer error=\"invalid_token\", error_description=\"token expired\""))
                .containsEntry("Cache-Control", List.of("no-store"));
    }

    @Test
    void configuredCacheControlValueIsUsed() throws Exception {
        attributes.put(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE, "someone");
        var settings = ResponseSettings.from(ConfigLookup.of(Map.of("hexclave.cache-control.value", "private, max-age=5")));

        filter(new HexclaveResponseFilter(settings), (req, res) -> {
        });

        assertThat(chainCalled).isTrue();
        assertThat(headers).containsEntry("Cache-Control", List.of("private, max-age=5"));
    }

    @Test
    void disabledCacheControlAddsNoHeader() throws Exception {
        attributes.put(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE, "someone");
        var settings = ResponseSettings.from(ConfigLookup.of(Map.of("hexclave.cache-control.enabled", "false")));

        filter(new HexclaveResponseFilter(settings), (req, res) -> {
        });

        assertThat(chainCalled).isTrue();
        assertThat(headers).isEmpty();
    }
}
