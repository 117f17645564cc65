package io.quarkiverse.hexclave.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;
import io.quarkiverse.hexclave.client.model.CliLoginAttempt;
import io.quarkiverse.hexclave.client.model.CliPollResult;
import io.quarkiverse.hexclave.config.Secret;

/**
 * Signs a human in from a command-line program through their browser, as Hexclave's CLI-app template does
 * ({@code prompt_cli_login}, wire reference §9.5):
 * <ol>
 * <li>{@code POST /auth/cli} starts an attempt (client access: a project id is enough; the publishable client key is
 * sent when configured);</li>
 * <li>the confirmation URL {@code {appUrl}/handler/cli-auth-confirm?login_code=…} is printed, and opened in the
 * browser when the machine has a desktop (never failing when it has none);</li>
 * <li>{@code POST /auth/cli/poll} is asked every {@link Builder#pollInterval(Duration) poll interval} (2 s) until the
 * human confirms (→ the refresh token), the attempt expires or was used, {@link #cancel()} is called or the thread
 * is interrupted, or the {@link Builder#timeout(Duration) timeout} passes. A poll that gets no answer (connection
 * failure, timeout) does not end the login: polling goes on until the timeout.</li>
 * </ol>
 * <pre>{@code
 * Optional<Secret> refreshToken = HexclaveCliLogin.builder(client, "https://my-app.example.com").build().prompt();
 * Secret accessToken = client.sessions().refresh(refreshToken.orElseThrow());
 * User me = client.users().me(accessToken);
 * }</pre>
 * One instance runs one login; {@link #cancel()} may be called from any thread. The polling code never appears in
 * output or logs.
 */
public final class HexclaveCliLogin {

    private static final Logger LOG = Logger.getLogger(HexclaveCliLogin.class);

    /** Shortest {@link Builder#pollInterval(Duration) poll interval} accepted. */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(500);

    /** Blocks the polling thread between polls; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HexclaveClient client;
    private final String appUrl;
    private final Duration pollInterval;
    private final Optional<Duration> expiresIn;
    private final Duration timeout;
    private final PrintStream out;
    private final Consumer<URI> browser;
    private final Sleeper sleeper;
    private final Clock clock;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Thread runner;
    private boolean finished;

    private HexclaveCliLogin(Builder b) {
        this.client = b.client;
        this.appUrl = b.appUrl;
        this.pollInterval = b.pollInterval;
        this.expiresIn = Optional.ofNullable(b.expiresIn);
        this.timeout = b.timeout != null ? b.timeout
                : expiresIn.orElse(Duration.ofMinutes(2)).plusSeconds(10);
        this.out = b.out;
        this.browser = b.browser;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
    }

    /**
     * A builder for a login against {@code client}'s project, confirmed on {@code appUrl} (the web app that hosts
     * Hexclave's handler pages).
     */
    public static Builder builder(HexclaveClient client, String appUrl) {
        return new Builder(client, appUrl);
    }

    /** The template's {@code prompt_cli_login}: runs a login with the defaults and returns the refresh token, if any. */
    public static Optional<Secret> promptCliLogin(HexclaveClient client, String appUrl) {
        return builder(client, appUrl).build().prompt();
    }

    /** {@link #run()}, keeping only the refresh token: empty unless the login succeeded. */
    public Optional<Secret> prompt() {
        return run().refreshToken();
    }

    /**
     * Runs the login on the calling thread.
     *
     * @throws io.quarkiverse.hexclave.client.error.HexclaveApiException if Hexclave refuses to start or poll (e.g.
     *         {@code InvalidPublishableClientKeyException}, {@code InvalidPollingCodeException})
     * @throws HexclaveConnectionException if Hexclave cannot be reached
     * @throws IllegalStateException if this instance already ran
     */
    public CliLoginResult run() {
        synchronized (this) {
            if (runner != null) {
                throw new IllegalStateException("a HexclaveCliLogin runs once; build another one");
            }
            runner = Thread.currentThread();
        }
        try {
            if (cancelled.get()) {
                return CliLoginResult.of(CliLoginResult.Status.CANCELLED);
            }
            CliLoginAttempt attempt;
            try {
                attempt = client.cliAuth().start(expiresIn);
            } catch (HexclaveConnectionException e) {
                if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                    return cancelledResult();
                }
                throw e;
            }
            URI confirm = confirmUrl(appUrl, attempt.loginCode());
            out.println("Please visit the following URL to authenticate:");
            out.println(confirm);
            out.flush();
            openBrowser(confirm);
            Instant deadline = clock.instant().plus(timeout);
            while (true) {
                if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                    return cancelledResult();
                }
                CliPollResult poll;
                try {
                    poll = client.cliAuth().poll(attempt.pollingCode());
                } catch (HexclaveConnectionException e) {
                    if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                        return cancelledResult();
                    }
                    // A network hiccup must not abort a login the human may be confirming right now: poll again
                    // until the deadline. The message names the path only, never the polling code.
                    LOG.debugf("CLI login poll got no answer (%s); polling again", e.timeout() ? "timeout" : "connection failure");
                    poll = new CliPollResult(CliPollResult.Status.WAITING, Optional.empty());
                }
                switch (poll.status()) {
                    case SUCCESS:
                        LOG.debug("CLI login confirmed");
                        return new CliLoginResult(CliLoginResult.Status.SUCCESS, poll.refreshToken());
                    case EXPIRED:
                        return CliLoginResult.of(CliLoginResult.Status.EXPIRED);
                    case USED:
                        return CliLoginResult.of(CliLoginResult.Status.USED);
                    case WAITING:
                    default:
                        break;
                }
                if (!clock.instant().isBefore(deadline)) {
                    return CliLoginResult.of(CliLoginResult.Status.TIMED_OUT);
                }
                try {
                    sleeper.sleep(pollInterval);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return cancelledResult();
                }
            }
        } finally {
            synchronized (this) {
                finished = true;
                if (cancelled.get()) {
                    Thread.interrupted(); // an interrupt from cancel() must not outlive the run
                }
            }
        }
    }

    /** Stops a running (or not yet started) login: {@link #run()} returns {@code CANCELLED} promptly. */
    public void cancel() {
        cancelled.set(true);
        synchronized (this) {
            if (runner != null && !finished && runner != Thread.currentThread()) {
                runner.interrupt();
            }
        }
    }

    /** {@code {appUrl}/handler/cli-auth-confirm?login_code=<url-encoded>}. */
    public static URI confirmUrl(String appUrl, String loginCode) {
        return URI.create(stripSlashes(appUrl) + "/handler/cli-auth-confirm?login_code="
                + URLEncoder.encode(loginCode, StandardCharsets.UTF_8));
    }

    private CliLoginResult cancelledResult() {
        if (cancelled.get()) {
            Thread.interrupted(); // the interrupt was ours: do not leak it to the caller
        }
        return CliLoginResult.of(CliLoginResult.Status.CANCELLED);
    }

    private void openBrowser(URI uri) {
        try {
            browser.accept(uri);
        } catch (RuntimeException e) { // no browser: the printed URL is enough (an Error is not ours to swallow)
            LOG.debugf("Could not open a browser (%s); the URL was printed", e.getClass().getSimpleName());
        }
    }

    /** Opens {@code uri} with {@link java.awt.Desktop} when this machine has a desktop and a browser; else nothing. */
    public static void openWithDesktop(URI uri) {
        if (ModuleLayer.boot().findModule("java.desktop").isEmpty()) { // a jlink image without it: no AWT at all
            LOG.debug("Could not open a browser (no java.desktop module)");
            return;
        }
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(uri);
            }
        } catch (java.io.IOException | RuntimeException e) { // headless, unsupported, no browser registered
            LOG.debugf("Could not open a browser (%s)", e.getClass().getSimpleName());
        }
    }

    private static String stripSlashes(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /** Builds a {@link HexclaveCliLogin}. */
    public static final class Builder {
        private final HexclaveClient client;
        private final String appUrl;
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration expiresIn;
        private Duration timeout;
        private PrintStream out = System.out;
        private Consumer<URI> browser = HexclaveCliLogin::openWithDesktop;
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
        private Clock clock = Clock.systemUTC();

        private Builder(HexclaveClient client, String appUrl) {
            this.client = Objects.requireNonNull(client, "client");
            if (appUrl == null || appUrl.isBlank()) {
                throw new IllegalArgumentException("appUrl must be the URL of the web app hosting Hexclave's handler pages");
            }
            URI uri = URI.create(stripSlashes(appUrl));
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("appUrl must be an http(s) URL, got '" + appUrl + "'");
            }
            this.appUrl = stripSlashes(appUrl);
        }

        /** Time between two polls, default 2 s, at least 500 ms (Hexclave rate-limits polling). */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval == null || pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
                throw new IllegalArgumentException("pollInterval must be at least " + MIN_POLL_INTERVAL.toMillis()
                        + " ms, got " + (pollInterval == null ? "null" : pollInterval.toMillis() + " ms"));
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /** How long Hexclave keeps the attempt open, at most 15 minutes; default Hexclave's (2 minutes). */
        public Builder expiresIn(Duration expiresIn) {
            this.expiresIn = expiresIn;
            return this;
        }

        /** When to stop polling on our side; default the attempt's lifetime plus 10 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Where the URL is printed, default {@code System.out}. */
        public Builder output(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /** How the URL is opened, default {@link #openWithDesktop(URI)}; failures are ignored. */
        public Builder browser(Consumer<URI> browser) {
            this.browser = Objects.requireNonNull(browser, "browser");
            return this;
        }

        /** How the poller waits, default {@link Thread#sleep(long)}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The clock the timeout is measured with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public HexclaveCliLogin build() {
            return new HexclaveCliLogin(this);
        }
    }
}
