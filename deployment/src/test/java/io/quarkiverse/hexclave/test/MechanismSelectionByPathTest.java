package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWithIgnoringCase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.http.auth.permission.<x>.auth-mechanism=hexclave} beside Basic authentication: the Hexclave path takes
 * only Hexclave tokens and challenges with Hexclave's {@code Bearer}, the Basic path takes only Basic credentials and
 * challenges with Basic's, and a path without a selection takes either.
 */
class MechanismSelectionByPathTest {

    static final String HEXCLAVE_ONLY = "/mechanisms/hexclave-only";
    static final String BASIC_ONLY = "/mechanisms/basic-only";

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("mechanism-selection", MechanismSelectionEndpoint.class,
            OneUserIdentityProvider.class);

    @Test
    void hexclavePathTakesHexclaveTokensOnly() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get(HEXCLAVE_ONLY).then().statusCode(200)
                .body(equalTo("HexclavePrincipal " + user[0]));
        given().auth().preemptive().basic(OneUserIdentityProvider.USER, OneUserIdentityProvider.PASSWORD)
                .get(HEXCLAVE_ONLY).then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        given().get(HEXCLAVE_ONLY).then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void hexclavePathAnswersARejectedTokenWithHexclavesReason() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.EXPIRED)).get(HEXCLAVE_ONLY).then().statusCode(401)
                .header("WWW-Authenticate", startsWithIgnoringCase("Bearer error=\"invalid_token\""));
    }

    @Test
    void basicPathTakesBasicCredentialsOnly() {
        given().auth().preemptive().basic(OneUserIdentityProvider.USER, OneUserIdentityProvider.PASSWORD)
                .get(BASIC_ONLY).then().statusCode(200).body(equalTo("QuarkusPrincipal alice"));
        given().auth().oauth2(SharedEmulator.normalToken()).get(BASIC_ONLY).then().statusCode(401)
                .header("WWW-Authenticate", startsWithIgnoringCase("basic"));
        given().get(BASIC_ONLY).then().statusCode(401).header("WWW-Authenticate", startsWithIgnoringCase("basic"));
    }

    @Test
    void pathWithoutSelectionTakesEither() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/mechanisms/either").then().statusCode(200)
                .body(equalTo("HexclavePrincipal " + user[0]));
        given().auth().preemptive().basic(OneUserIdentityProvider.USER, OneUserIdentityProvider.PASSWORD)
                .get("/mechanisms/either").then().statusCode(200).body(equalTo("QuarkusPrincipal alice"));
    }
}
