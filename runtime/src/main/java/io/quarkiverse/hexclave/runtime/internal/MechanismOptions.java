package io.quarkiverse.hexclave.runtime.internal;

import java.util.Optional;

/**
 * The HTTP side of the run-time configuration, as the authentication mechanism needs it.
 *
 * @param priority the mechanism's priority
 * @param keysUnavailableStatus status answered when Hexclave's keys cannot be obtained
 * @param cacheControl the {@code Cache-Control} value added to authenticated responses, or empty for none
 */
public record MechanismOptions(int priority, int keysUnavailableStatus, Optional<String> cacheControl) {
}
