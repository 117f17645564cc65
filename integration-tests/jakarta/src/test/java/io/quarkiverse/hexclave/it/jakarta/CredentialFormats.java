package io.quarkiverse.hexclave.it.jakarta;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.restassured.specification.RequestSpecification;

/** Every way a Hexclave frontend can hand its tokens to a backend (wire reference §4). */
enum CredentialFormats {

    BEARER_JWT {
        @Override
        RequestSpecification apply(RequestSpecification r, String access, String refresh, String projectId) {
            return r.header("Authorization", "Bearer " + access);
        }
    },
    SDK_AUTHORIZATION_STACKAUTH {
        @Override
        RequestSpecification apply(RequestSpecification r, String access, String refresh, String projectId) {
            return r.header("Authorization", "Bearer stackauth_" + authJsonBase64(access, refresh));
        }
    },
    SDK_AUTHORIZATION_HEXCLAVE {
        @Override
        RequestSpecification apply(RequestSpecification r, String access, String refresh, String projectId) {
            return r.header("Authorization", "bearer hexclave_" + authJsonBase64(access, refresh));
        }
    },
    X_HEXCLAVE_ACCESS_TOKEN {
        @Override
        RequestSpecification apply(RequestSpecification r, String access, String refresh, String projectId) {
            return r.header("x-hexclave-access-token", access).header("x-hexclave-refresh-token", refresh);
        }
    },
    X_STACK_ACCESS_TOKEN {
        @Override
        RequestSpecification apply(RequestSpecification r, String access, String refresh, String projectId) {
            return r.header("x-stack-access-token", access);
        }
    },
    LEGACY_X_STACK_AUTH {
        @Override
        RequestSpecification apply(RequestSpecification r, String access, String refresh, String projectId) {
            return r.header("x-stack-auth", authJson(access, refresh));
        }
    },
    COOKIES {
        @Override
        RequestSpecification apply(RequestSpecification r, String access, String refresh, String projectId) {
            return r.cookie("hexclave-access", encode("[\"" + refresh + "\",\"" + access + "\"]"))
                    .cookie("hexclave-refresh-" + projectId + "--default",
                            encode("{\"refresh_token\":\"" + refresh + "\",\"updated_at_millis\":1700000000000}"));
        }
    };

    abstract RequestSpecification apply(RequestSpecification request, String accessToken, String refreshToken,
            String projectId);

    static String authJson(String access, String refresh) {
        return "{\"accessToken\":\"" + access + "\",\"refreshToken\":\"" + refresh + "\"}";
    }

    static String authJsonBase64(String access, String refresh) {
        return Base64.getEncoder().encodeToString(authJson(access, refresh).getBytes(StandardCharsets.UTF_8));
    }

    /** As js-cookie writes values: percent-encoded. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
