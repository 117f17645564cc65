package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UserClassPolicyTest {

    @Test
    void normalUsersAlwaysPassAndAnonymousImpliesRestricted() {
        assertThat(UserClassPolicy.of(false, false).global()).containsExactly(UserClass.NORMAL);
        assertThat(UserClassPolicy.of(false, true).global())
                .containsExactlyInAnyOrder(UserClass.NORMAL, UserClass.RESTRICTED, UserClass.ANONYMOUS);
        assertThat(UserClassPolicy.grant(false, true)).contains(UserClass.RESTRICTED);
    }

    @Test
    void endpointGrantsWidenAnywhereButNeverGlobal() {
        UserClassPolicy policy = UserClassPolicy.NORMAL_ONLY.withGrants(List.of(UserClassPolicy.grant(true, false)));

        assertThat(policy.global()).containsExactly(UserClass.NORMAL);
        assertThat(policy.anywhere()).containsExactlyInAnyOrder(UserClass.NORMAL, UserClass.RESTRICTED);
        assertThat(policy.admittedOn(Set.of())).isEqualTo(policy.global());
        assertThat(policy.admittedOn(UserClassPolicy.grant(true, false))).contains(UserClass.RESTRICTED);
        assertThat(policy.admittedOn(UserClassPolicy.grant(false, true)))
                .as("an anonymous grant beyond anywhere is capped").doesNotContain(UserClass.ANONYMOUS);
        assertThat(policy.admitsEverywhere(UserClass.RESTRICTED)).isFalse();
    }

    @Test
    void aRefusalNamesTheClass() {
        assertThat(UserClassPolicy.refusal(UserClass.ANONYMOUS, Set.of(UserClass.NORMAL)).reason())
                .isEqualTo(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED);
        assertThat(UserClassPolicy.refusal(UserClass.NORMAL, Set.of(UserClass.NORMAL))).isNull();
    }
}
