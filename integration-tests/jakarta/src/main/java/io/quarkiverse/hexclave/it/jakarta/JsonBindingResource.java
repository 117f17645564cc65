package io.quarkiverse.hexclave.it.jakarta;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The application's own JSON: a JSON-B annotated object, which the server's JSON Binding must serialize whatever
 * hexclave-jakarta brings along (WildFly switches a deployment to Jackson when it sees Jackson annotations in it).
 */
@Path("/json")
@RequestScoped
@PermitAll
public class JsonBindingResource {

    /** Under JSON-B: {@code {"renamed":"value"}}; under Jackson it would be {@code {"original":…,"internal":…}}. */
    public static class Dto {

        @JsonbProperty("renamed")
        private String original = "value";

        @JsonbTransient
        private String internal = "not serialized";

        public String getOriginal() {
            return original;
        }

        public void setOriginal(String original) {
            this.original = original;
        }

        public String getInternal() {
            return internal;
        }

        public void setInternal(String internal) {
            this.internal = internal;
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Dto dto() {
        return new Dto();
    }
}
