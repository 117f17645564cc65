package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** With {@code quarkus.hexclave.supabase.jwt-secret} set, {@code SupabaseTokens} is injectable. */
class SupabaseTokensInjectionTest {

    static final String SECRET = "a-supabase-jwt-secret-of-more-than-32-characters";

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", SupabaseTokenEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.supabase.jwt-secret", SECRET)
            .overrideRuntimeConfigKey("quarkus.hexclave.supabase.lifetime", "15m");

    @Test
    void signedInUserGetsASupabaseTokenPostgrestAccepts() throws Exception {
        String[] user = SharedEmulator.userAndToken();
        String token = given().auth().oauth2(user[1]).get("/supabase-token").then().statusCode(200).extract().asString();
        JwtClaims claims = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setVerificationKey(new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8)))
                .setRequireExpirationTime().setSkipDefaultAudienceValidation().build().processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo(user[0]);
        assertThat(claims.getStringClaimValue("role")).isEqualTo("authenticated");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(900);
    }

    @Test
    void withoutATokenThereIsNone() {
        given().get("/supabase-token").then().statusCode(401);
    }
}
