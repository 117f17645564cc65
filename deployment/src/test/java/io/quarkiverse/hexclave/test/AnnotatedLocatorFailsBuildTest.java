package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.security.AllowAnonymousUsers;
import io.quarkus.test.QuarkusUnitTest;

/** {@code @AllowAnonymousUsers} on a sub-resource locator would do nothing: the build fails and says where to put it. */
class AnnotatedLocatorFailsBuildTest {

    @Path("/shop")
    public static class Shop {
        @Path("/basket")
        @AllowAnonymousUsers
        public Basket basket() {
            return new Basket();
        }
    }

    public static class Basket {
        @GET
        public String show() {
            return "basket";
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("user-class", Shop.class, Basket.class, BuildFailures.class)
            .assertException(e -> assertThat(BuildFailures.messages(e))
                    .contains("sub-resource locator " + Shop.class.getName() + "#basket")
                    .contains("Put @AllowAnonymousUsers on those methods, or on the sub-resource class"));

    @Test
    void buildFails() {
        // assertException above
    }
}
