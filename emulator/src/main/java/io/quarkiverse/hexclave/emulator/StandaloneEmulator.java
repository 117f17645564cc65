package io.quarkiverse.hexclave.emulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The emulator as a program, for frontend developers who do not run the Java application:
 * {@code java -jar hexclave-emulator-<version>-runner.jar [options]}. It serves one project on {@code 127.0.0.1}, prints
 * the base URL, project id and publishable client key to paste into the frontend's Hexclave (Stack Auth) SDK
 * configuration, logs the sign-in codes it would have e-mailed, and runs until stopped (Ctrl+C or SIGTERM).
 * {@code --help} lists the options.
 */
public final class StandaloneEmulator {

    static final String USAGE = """
            Usage: java -jar hexclave-emulator-<version>-runner.jar [options]

              --port <n>                     port on 127.0.0.1 (default 8102; 0 picks a free one)
              --project-id <uuid>            project id (default: random UUID)
              --publishable-client-key <k>   publishable client key (default: random pck_emulator_…)
              --secret-server-key <k>        secret server key for a backend (default: random; never printed)
              --user <email>:<password>[:<display name>]
                                             a user who can sign in with that password (repeatable)
              --cors-origin <origin>         a browser origin allowed to call the API, replacing the defaults
                                             http://localhost:* and http://127.0.0.1:* (repeatable; '*' = any;
                                             'http://host:*' = any port)
              --access-token-lifetime <s>    access token lifetime in seconds (default 600)
              --no-sign-up                   refuse new sign-ups (SIGN_UP_NOT_ENABLED)
              --webhook-url <url>            an endpoint that receives the project's webhook events, Svix-signed
                                             (repeatable; needs --webhook-secret)
              --webhook-secret <whsec_…>     the endpoints' signing secret, as your backend is configured with
                                             (never printed)
              --help                         this text
            """;

    private StandaloneEmulator() {
    }

    /** What the command line asked for. */
    record Options(int port, String projectId, String publishableClientKey, String secretServerKey,
            List<String[]> users, List<String> corsOrigins, Duration accessTokenLifetime, boolean signUpEnabled,
            boolean help, List<String> webhookUrls, String webhookSecret) {

        @Override
        public String toString() {
            return "Options[port=" + port + ", projectId=" + projectId + ", users=" + users.size() + ", webhookUrls="
                    + webhookUrls + "]";
        }

        /**
         * Parses the arguments.
         *
         * @throws IllegalArgumentException with a message for the user
         */
        static Options parse(String... args) {
            int port = 8102;
            String projectId = null;
            String publishableKey = null;
            String secretKey = null;
            List<String[]> users = new ArrayList<>();
            List<String> cors = new ArrayList<>();
            Duration lifetime = null;
            boolean signUp = true;
            boolean help = false;
            List<String> webhookUrls = new ArrayList<>();
            String webhookSecret = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> help = true;
                    case "--no-sign-up" -> signUp = false;
                    case "--port" -> port = integer(a, value(args, ++i, a), 0, 65535);
                    case "--project-id" -> projectId = uuid(value(args, ++i, a));
                    case "--publishable-client-key" -> publishableKey = value(args, ++i, a);
                    case "--secret-server-key" -> secretKey = value(args, ++i, a);
                    case "--user" -> users.add(user(value(args, ++i, a)));
                    case "--cors-origin" -> cors.add(value(args, ++i, a));
                    case "--webhook-url" -> webhookUrls.add(value(args, ++i, a));
                    case "--webhook-secret" -> webhookSecret = value(args, ++i, a);
                    case "--access-token-lifetime" -> lifetime = Duration.ofSeconds(integer(a, value(args, ++i, a), 1,
                            86_400));
                    default -> throw new IllegalArgumentException("Unknown option " + a + " (see --help)");
                }
            }
            if (!webhookUrls.isEmpty() && webhookSecret == null) {
                throw new IllegalArgumentException("--webhook-url needs --webhook-secret (the whsec_… secret your "
                        + "backend verifies deliveries with)");
            }
            return new Options(port, projectId, publishableKey, secretKey, users, cors, lifetime, signUp, help,
                    webhookUrls, webhookSecret);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].isBlank()) {
                throw new IllegalArgumentException(option + " needs a value (see --help)");
            }
            return args[i];
        }

        private static int integer(String option, String value, int min, int max) {
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " must be a number from " + min + " to " + max + ": " + value);
        }

        /** The JS SDK accepts only RFC 4122 UUIDs (version 1-8) as project ids. */
        private static String uuid(String value) {
            if (!value.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[089ab][0-9a-f]{3}-[0-9a-f]{12}")) {
                throw new IllegalArgumentException("--project-id must be a UUID (the JS SDK refuses anything else): "
                        + value);
            }
            return value.toLowerCase(java.util.Locale.ROOT);
        }

        private static String[] user(String value) {
            String[] parts = value.split(":", 3);
            if (parts.length < 2 || !parts[0].contains("@") || parts[1].isEmpty()) {
                throw new IllegalArgumentException("--user is <email>:<password>[:<display name>]");
            }
            return parts;
        }
    }

    /**
     * Starts the emulator and runs until the JVM is stopped.
     *
     * @param args see {@link #USAGE}
     */
    public static void main(String[] args) throws InterruptedException {
        Options options;
        HexclaveEmulator emulator;
        try {
            options = Options.parse(args);
            if (options.help()) {
                System.out.print(USAGE);
                return;
            }
            emulator = start(options);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("hexclave-emulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "hexclave-emulator-shutdown"));
        describe(emulator, options, System.out);
        stopped.await();
    }

    /** Builds, starts and seeds the emulator the options describe. */
    static HexclaveEmulator start(Options o) {
        HexclaveEmulator.Builder b = HexclaveEmulator.builder().port(o.port()).signUpEnabled(o.signUpEnabled());
        if (o.projectId() != null) {
            b.projectId(o.projectId());
        }
        if (o.publishableClientKey() != null) {
            b.publishableClientKey(o.publishableClientKey());
        }
        if (o.secretServerKey() != null) {
            b.secretServerKey(o.secretServerKey());
        }
        if (!o.corsOrigins().isEmpty()) {
            b.corsAllowedOrigins(o.corsOrigins());
        }
        if (o.accessTokenLifetime() != null) {
            b.accessTokenLifetime(o.accessTokenLifetime());
        }
        HexclaveEmulator emulator = b.build().start();
        try {
            if (!o.webhookUrls().isEmpty()) {
                emulator.webhooks().secret(o.webhookSecret()).endpoints(o.webhookUrls());
            }
            for (String[] u : o.users()) {
                emulator.createUser(NewUser.withEmail(u[0].trim().toLowerCase(java.util.Locale.ROOT))
                        .displayName(u.length > 2 ? u[2] : null).primaryEmailAuthEnabled(true).password(u[1]).build());
            }
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        return emulator;
    }

    /** What a frontend developer pastes into their SDK configuration. Never prints the secret server key. */
    static void describe(HexclaveEmulator emulator, Options o, PrintStream out) {
        out.println("Hexclave emulator ready");
        out.println("  Base URL (SDK baseUrl):       " + emulator.apiUrl());
        out.println("  Project id:                   " + emulator.projectId());
        out.println("  Publishable client key:       " + emulator.publishableClientKey());
        out.println("  Secret server key:            " + (o.secretServerKey() != null ? "as given (not printed)"
                : "random, not printed (pass --secret-server-key to give a backend one)"));
        out.println("  JWKS:                         " + emulator.jwksUrl());
        out.println("  Browser origins (CORS):       " + String.join(", ", emulator.corsAllowedOrigins()));
        if (!emulator.webhooks().endpoints().isEmpty()) {
            out.println("  Webhook endpoints:            " + String.join(", ", emulator.webhooks().endpoints())
                    + " (signing secret as given, not printed)");
        }
        for (EmulatedUser u : emulator.users()) {
            out.println("  User:                         " + u.primaryEmail() + " (" + u.id() + ")");
        }
        out.println("E-mail sign-in codes and links are logged here instead of being sent. Stop with Ctrl+C.");
        out.flush();
    }
}
