package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A dependent bean injected only into request-scoped beans passes the build-time check and sees each request's user. */
class HexclaveUserInDependentBeanTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", DependentHelperOfRequestBean.class,
            DependentHelperOfRequestBean.Resource.class);

    @Test
    void dependentHelperSeesTheCurrentUser() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/helper").then().statusCode(200).body(equalTo("hi " + user[0]));
    }
}
