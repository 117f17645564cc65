package io.quarkiverse.hexclave.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.security.AllowAnonymousUsers;
import io.quarkiverse.hexclave.security.AllowRestrictedUsers;
import io.quarkiverse.hexclave.verifier.UserClass;

/** Which resource methods grant which user classes: by resource class and method, with their supertypes. */
class EndpointGrantsTest {

    @Path("/plain")
    public static class Plain {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("/cart")
    public static class Cart {
        @GET
        @AllowRestrictedUsers
        public String list() {
            return "";
        }

        @POST
        public String add(String item) {
            return item;
        }

        @Path("/items")
        public Item items() {
            return new Item();
        }

        @AllowAnonymousUsers
        public String helper() {
            return "";
        }
    }

    /** A sub-resource, reached only through {@link Cart#items()}. */
    public static class Item {
        @GET
        @AllowAnonymousUsers
        public String get() {
            return "";
        }
    }

    public interface Api {
        @GET
        @AllowAnonymousUsers
        String hello();

        @POST
        String post(String body);
    }

    @Path("/impl")
    public static class Impl implements Api {
        @Override
        public String hello() {
            return "";
        }

        @Override
        public String post(String body) {
            return body;
        }
    }

    @AllowRestrictedUsers
    public abstract static class Base {
        @GET
        public String base() {
            return "";
        }
    }

    @Path("/sub")
    public static class Sub extends Base {
        @POST
        public String own(String body) {
            return body;
        }
    }

    @Path("/locator")
    public static class WithAnnotatedLocator {
        @Path("/items")
        @AllowRestrictedUsers
        public Item items() {
            return new Item();
        }
    }

    @Test
    void anAnnotatedMethodGrantsItselfOnly() throws NoSuchMethodException {
        assertThat(EndpointGrants.grantOf(Cart.class, Cart.class.getMethod("list")))
                .containsExactlyInAnyOrder(UserClass.NORMAL, UserClass.RESTRICTED);
        assertThat(EndpointGrants.grantOf(Cart.class, Cart.class.getMethod("add", String.class))).isEmpty();
        assertThat(EndpointGrants.grantOf(Plain.class, Plain.class.getMethod("get"))).isEmpty();
    }

    @Test
    void anonymousImpliesRestricted() throws NoSuchMethodException {
        assertThat(EndpointGrants.grantOf(Item.class, Item.class.getMethod("get")))
                .containsExactlyInAnyOrder(UserClass.NORMAL, UserClass.RESTRICTED, UserClass.ANONYMOUS);
    }

    @Test
    void anAnnotationOnAnInterfaceMethodReachesItsImplementation() throws NoSuchMethodException {
        assertThat(EndpointGrants.grantOf(Impl.class, Impl.class.getMethod("hello"))).contains(UserClass.ANONYMOUS);
        assertThat(EndpointGrants.grantOf(Impl.class, Api.class.getMethod("hello"))).contains(UserClass.ANONYMOUS);
        assertThat(EndpointGrants.grantOf(Impl.class, Impl.class.getMethod("post", String.class))).isEmpty();
    }

    @Test
    void anAnnotatedSuperclassGrantsEveryMethodOfItsSubclasses() throws NoSuchMethodException {
        assertThat(EndpointGrants.grantOf(Sub.class, Sub.class.getMethod("own", String.class)))
                .contains(UserClass.RESTRICTED);
        assertThat(EndpointGrants.grantOf(Sub.class, Sub.class.getMethod("base"))).contains(UserClass.RESTRICTED);
    }

    @Test
    void scanListsGrantingMethodsOfConcreteClassesAndTheSubResourcesOfLocators() {
        EndpointGrants grants = EndpointGrants.scan(List.of(Plain.class, Cart.class, Impl.class, Base.class, Sub.class));

        assertThat(grants.classes()).containsExactlyInAnyOrder(UserClass.RESTRICTED, UserClass.ANONYMOUS);
        assertThat(grants.granted()).anyMatch(g -> g.startsWith(Cart.class.getName() + "#list "))
                .anyMatch(g -> g.startsWith(Item.class.getName() + "#get "))
                .anyMatch(g -> g.startsWith(Impl.class.getName() + "#hello "))
                .anyMatch(g -> g.startsWith(Sub.class.getName() + "#base "))
                .noneMatch(g -> g.startsWith(Base.class.getName()))
                .noneMatch(g -> g.contains("#add ") || g.contains("#post "));
        assertThat(grants.ineffective()).singleElement().asString().contains(Cart.class.getName() + "#helper")
                .contains("no JAX-RS resource method");
    }

    @Test
    void anAnnotationOnALocatorIsReportedAndGrantsNothing() {
        EndpointGrants grants = EndpointGrants.scan(List.of(WithAnnotatedLocator.class));

        assertThat(grants.ineffective()).singleElement().asString().contains("sub-resource locator");
        // The sub-resource's own annotation still grants its method.
        assertThat(grants.classes()).containsExactlyInAnyOrder(UserClass.RESTRICTED, UserClass.ANONYMOUS);
    }

    @Test
    void noAnnotationsGrantNothing() {
        EndpointGrants grants = EndpointGrants.scan(List.of(Plain.class));

        assertThat(grants.classes()).isEmpty();
        assertThat(grants.granted()).isEmpty();
        assertThat(EndpointGrants.NONE.classes()).isEmpty();
    }
}
