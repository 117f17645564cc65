package io.quarkiverse.hexclave.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.testing.HexclaveSecurity;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Set-ups where {@code @HexclaveSecurity} cannot take effect are reported, not ignored: another test identity
 * augmentor beside ours (Quarkus then applies none), and permission caches that keep nothing.
 */
@QuarkusTest
@TestProfile(UnusableSetupTest.Unusable.class)
class UnusableSetupTest {

    static final String PROFILE = "hexclave-unusable";

    /** A second augmentor, and no permission caching. */
    public static class Unusable implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return PROFILE;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.hexclave.authorization.cache-ttl", "0s");
        }
    }

    @HexclaveSecurity(projectPermissions = "reports_read")
    static class Described {
    }

    @Inject
    TestGrants grants;

    @Test
    void anotherAugmentorIsReported() {
        assertThat(HexclaveSecurityCallback.augmentorProblem(Arc.container())).hasValueSatisfying(p -> assertThat(p)
                .contains("none, as there are several").contains("quarkus-test-security-jwt"));
    }

    @Test
    void permissionCachesThatKeepNothingAreReported() {
        assertThatThrownBy(() -> grants.hold("user-1", Described.class.getAnnotation(HexclaveSecurity.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keeps nothing")
                .hasMessageContaining("cache-ttl=0s");
    }
}
