package io.quarkiverse.hexclave.testing.internal;

import java.lang.annotation.Annotation;

import jakarta.inject.Singleton;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.security.TestSecurityIdentityAugmentor;

/** Another extension's test identity augmentor (as quarkus-test-security-jwt has), only in one test profile. */
@Singleton
@IfBuildProfile(UnusableSetupTest.PROFILE)
public class OtherTestAugmentor implements TestSecurityIdentityAugmentor {

    @Override
    public SecurityIdentity augment(SecurityIdentity identity, Annotation[] annotations) {
        return identity;
    }
}
