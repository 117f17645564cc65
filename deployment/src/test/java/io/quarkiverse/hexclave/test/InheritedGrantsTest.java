package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.security.AllowAnonymousUsers;
import io.quarkiverse.hexclave.security.AllowRestrictedUsers;
import io.quarkus.security.Authenticated;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Grants declared on interface and superclass methods are resolved at build time to the concrete resource classes that
 * JAX-RS instantiates, and a grant on an implementing method counts although its {@code @GET} is on the interface.
 */
class InheritedGrantsTest {

    @Path("/cart")
    @Produces(MediaType.TEXT_PLAIN)
    public interface CartApi {
        @GET
        @Path("/items")
        @Authenticated
        @AllowAnonymousUsers
        String items();

        @GET
        @Path("/count")
        @Authenticated
        String count();

        @GET
        @Path("/owner")
        @Authenticated
        String owner();
    }

    public static class CartResource implements CartApi {
        @Override
        public String items() {
            return "items";
        }

        @Override
        @AllowAnonymousUsers
        public String count() {
            return "3";
        }

        @Override
        public String owner() {
            return "owner";
        }
    }

    @Produces(MediaType.TEXT_PLAIN)
    public abstract static class Shelf {
        @GET
        @Path("/shelf")
        @Authenticated
        @AllowRestrictedUsers
        public String shelf() {
            return "shelf";
        }
    }

    @Path("/store")
    public static class StoreResource extends Shelf {
    }

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("user-class", CartApi.class, CartResource.class,
            Shelf.class, StoreResource.class);

    @Test
    void grantOnAnInterfaceMethodReachesTheImplementation() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/cart/items").then().statusCode(200)
                .body(equalTo("items"));
    }

    @Test
    void grantOnAnImplementingMethodCountsAlthoughItsGetIsOnTheInterface() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/cart/count").then().statusCode(200)
                .body(equalTo("3"));
    }

    @Test
    void grantOnASuperclassMethodReachesTheSubclassResource() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/store/shelf").then().statusCode(200)
                .body(equalTo("shelf"));
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/store/shelf").then().statusCode(401);
    }

    @Test
    void anUnannotatedMethodOfTheSameResourceStaysClosed() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/cart/owner").then().statusCode(401);
        given().auth().oauth2(SharedEmulator.normalToken()).get("/cart/owner").then().statusCode(200);
    }
}
