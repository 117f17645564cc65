package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWithIgnoringCase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @HttpAuthenticationMechanism("hexclave")} on an endpoint beside Basic authentication (lazy authentication,
 * as Quarkus requires for selection by annotation): the annotated endpoint takes only Hexclave tokens and challenges
 * with Hexclave's {@code Bearer}; a {@code @BasicAuthentication} endpoint takes only Basic credentials.
 */
class MechanismSelectionByAnnotationTest {

    static final String ANNOTATED_HEXCLAVE = "/annotated/hexclave";
    static final String ANNOTATED_BASIC = "/annotated/basic";

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("mechanism-annotations", MechanismSelectionEndpoint.class,
            AnnotatedMechanismEndpoint.class, OneUserIdentityProvider.class);

    @Test
    void annotatedEndpointTakesHexclaveTokensOnly() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get(ANNOTATED_HEXCLAVE).then().statusCode(200)
                .body(equalTo("HexclavePrincipal " + user[0]));
        given().auth().preemptive().basic(OneUserIdentityProvider.USER, OneUserIdentityProvider.PASSWORD)
                .get(ANNOTATED_HEXCLAVE).then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        given().get(ANNOTATED_HEXCLAVE).then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        given().auth().oauth2(SharedEmulator.token(HostileToken.EXPIRED)).get(ANNOTATED_HEXCLAVE).then()
                .statusCode(401).header("WWW-Authenticate", startsWithIgnoringCase("Bearer error=\"invalid_token\""));
    }

    @Test
    void basicAnnotatedEndpointRefusesHexclaveTokens() {
        given().auth().preemptive().basic(OneUserIdentityProvider.USER, OneUserIdentityProvider.PASSWORD)
                .get(ANNOTATED_BASIC).then().statusCode(200).body(equalTo("QuarkusPrincipal alice"));
        given().auth().oauth2(SharedEmulator.normalToken()).get(ANNOTATED_BASIC).then().statusCode(401)
                .header("WWW-Authenticate", startsWithIgnoringCase("basic"));
    }

    @Test
    void endpointWithoutAnnotationTakesEither() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/mechanisms/either").then().statusCode(200)
                .body(equalTo("HexclavePrincipal " + user[0]));
        given().auth().preemptive().basic(OneUserIdentityProvider.USER, OneUserIdentityProvider.PASSWORD)
                .get("/mechanisms/either").then().statusCode(200).body(equalTo("QuarkusPrincipal alice"));
    }
}
