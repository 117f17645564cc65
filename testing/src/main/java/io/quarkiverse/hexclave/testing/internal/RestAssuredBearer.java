package io.quarkiverse.hexclave.testing.internal;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.hexclave.config.Secret;
import io.restassured.RestAssured;
import io.restassured.authentication.NoAuthScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A global RestAssured filter that adds {@code Authorization: Bearer <token>} to requests that set neither an
 * {@code Authorization} header nor an auth scheme ({@code given().auth().none()} opts out). Loaded only when
 * RestAssured is on the class path.
 */
final class RestAssuredBearer implements Filter {

    private final Secret token;

    private RestAssuredBearer(Secret token) {
        this.token = token;
    }

    static synchronized void install(Secret token) {
        uninstall();
        RestAssured.filters(new RestAssuredBearer(token));
    }

    static synchronized void uninstall() {
        List<Filter> kept = new ArrayList<>(RestAssured.filters());
        if (kept.removeIf(f -> f instanceof RestAssuredBearer)) {
            RestAssured.replaceFiltersWith(kept);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        // An explicit Authorization header or auth scheme wins; given().auth().none() sends no token at all.
        if (!request.getHeaders().hasHeaderWithName("Authorization")
                && request.getAuthenticationScheme() instanceof NoAuthScheme) {
            request.header("Authorization", "Bearer " + token.value());
        }
        return context.next(request, response);
    }

    @Override
    public String toString() {
        return "RestAssuredBearer[****]";
    }
}
