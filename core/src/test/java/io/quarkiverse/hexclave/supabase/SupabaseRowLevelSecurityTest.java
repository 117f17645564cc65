package io.quarkiverse.hexclave.supabase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.emulator.UserClass;
import io.quarkiverse.hexclave.testsupport.LocalPostgres;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * Row Level Security of a real PostgreSQL sees the Hexclave user: the table and the three policies of Hexclave's
 * Supabase guide (a public row, a row for authenticated users, a row for its owner only), Supabase's
 * {@code auth.uid()}, and each query run the way PostgREST runs it: the token verified with the JWT secret, then, in
 * one transaction, {@code SET LOCAL ROLE <role claim>} and {@code request.jwt.claims} set to the claims.
 */
class SupabaseRowLevelSecurityTest {

    private static LocalPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        Optional<Path> bin = LocalPostgres.binaries();
        Assumptions.assumeTrue(bin.isPresent(), "SKIPPED: no PostgreSQL binaries in /usr/lib/postgresql/*/bin "
                + "(install Debian's postgresql package to run the Supabase Row Level Security test)");
        postgres = LocalPostgres.start(bin.get());
        SupabaseTokensTest.start();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
            SupabaseTokensTest.stop();
        }
    }

    /** The guide's schema, with Supabase's roles and {@code auth.uid()}; row 3 belongs to {@code ownerId}. */
    private static void createGuideSchema(Connection c, String ownerId) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS public.data");
            s.execute("DO $$ BEGIN CREATE ROLE anon NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            s.execute("DO $$ BEGIN CREATE ROLE authenticated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            s.execute("CREATE SCHEMA IF NOT EXISTS auth");
            // Supabase's definition: the sub claim of the request's JWT claims
            s.execute("""
                    CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
                      SELECT coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid
                    $$""");
            s.execute("GRANT USAGE ON SCHEMA auth TO anon, authenticated");
            s.execute("CREATE TABLE public.data (id bigint PRIMARY KEY, text text NOT NULL, user_id uuid)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO public.data VALUES "
                    + "(1, 'Everyone can see this', NULL), (2, 'Only authenticated users can see this', NULL), "
                    + "(3, 'Only user with specific id can see this', ?::uuid)")) {
                insert.setString(1, ownerId);
                insert.executeUpdate();
            }
            s.execute("ALTER TABLE public.data ENABLE ROW LEVEL SECURITY");
            s.execute("CREATE POLICY \"Public read\" ON public.data TO public USING (id = 1)");
            s.execute("CREATE POLICY \"Authenticated access\" ON public.data TO authenticated USING (id = 2)");
            s.execute("CREATE POLICY \"User access\" ON public.data TO authenticated USING (id = 3 AND auth.uid() = user_id)");
            s.execute("GRANT SELECT ON public.data TO anon, authenticated");
        }
    }

    /** {@code GET /data} as PostgREST serves it for a request with {@code token} (or none: the anon role). */
    private static List<Long> visibleRows(Connection c, Secret token) throws Exception {
        String role = "anon";
        String claimsJson = "";
        if (token != null) {
            JwtClaims claims = SupabaseTokensTest.asPostgrest(token, SupabaseTokensTest.JWT_SECRET);
            role = claims.getStringClaimValue("role");
            claimsJson = claims.toJson();
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL ROLE " + (role.equals("authenticated") ? "authenticated" : "anon"));
            try (PreparedStatement set = c.prepareStatement("SELECT set_config('request.jwt.claims', ?, true)")) {
                set.setString(1, claimsJson);
                set.execute();
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM public.data ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    @Test
    void theGuidesThreePoliciesSeeTheHexclaveUser() throws Exception {
        HexclavePrincipal owner = SupabaseTokensTest.principal(UserClass.NORMAL);
        HexclavePrincipal someoneElse = SupabaseTokensTest.principal(UserClass.NORMAL);
        SupabaseTokens tokens = SupabaseTokens.of(SupabaseTokensTest.JWT_SECRET);
        try (Connection c = postgres.connect()) {
            createGuideSchema(c, owner.userId());
            assertThat(visibleRows(c, null)).as("no token: the public row").containsExactly(1L);
            assertThat(visibleRows(c, tokens.mint(someoneElse))).as("another signed-in user").containsExactly(1L, 2L);
            assertThat(visibleRows(c, tokens.mint(owner))).as("the row's owner").containsExactly(1L, 2L, 3L);
        }
    }
}
