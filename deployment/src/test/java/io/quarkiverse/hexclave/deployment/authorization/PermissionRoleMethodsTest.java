package io.quarkiverse.hexclave.deployment.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;

import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

import io.quarkus.security.Authenticated;

/** Which methods get a permission-role check: the build-time half of "project permissions are roles". */
class PermissionRoleMethodsTest {

    static class Methods {
        @RolesAllowed("admin")
        public void admin() {
        }

        @RolesAllowed({ "authenticated", "restricted", "anonymous", "**" })
        public void builtInOnly() {
        }

        @RolesAllowed({ "authenticated", "auditor" })
        public void mixed() {
        }

        @RolesAllowed("${admin-role}")
        public void configExpression() {
        }

        public void none() {
        }
    }

    @RolesAllowed("admin")
    static class ClassLevel {
        public void inherits() {
        }

        @Authenticated
        public void ownAnnotation() {
        }

        @DenyAll
        public void denied() {
        }

        static void notSecurable() {
        }
    }

    private static Map<String, List<String>> found(Class<?>... classes) throws IOException {
        Index index = Index.of(classes);
        return HexclaveAuthorizationProcessor.permissionRoleMethods(index).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
    }

    @Test
    void methodsNamingANonBuiltInRoleGetTheCheckWithAllTheirRoles() throws IOException {
        assertThat(found(Methods.class)).containsOnly(
                Map.entry("admin", List.of("admin")),
                Map.entry("mixed", List.of("authenticated", "auditor")));
    }

    @Test
    void classLevelRoleReachesOnlyMethodsWithoutTheirOwnAnnotation() throws IOException {
        assertThat(found(ClassLevel.class)).containsOnly(Map.entry("inherits", List.of("admin")));
    }
}
