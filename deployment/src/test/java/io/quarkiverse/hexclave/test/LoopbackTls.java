package io.quarkiverse.hexclave.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A self-hosted Hexclave behind a private CA, on loopback: a TLS front (a certificate for {@code localhost} and
 * {@code 127.0.0.1} that only a CA made here signs) relaying to the shared emulator, a second such front that requires a
 * client certificate the same CA signed, and an HTTP proxy (CONNECT only,
 * Basic credentials required) that counts its tunnels. Shared by every test of this JVM, as {@link SharedEmulator} is,
 * and for the same reason: {@code QuarkusUnitTest} loads test classes twice, so the state is published in the system
 * properties as JDK types only. Everything is closed when the JVM exits.
 */
public final class LoopbackTls {

    private static final String KEY = "io.quarkiverse.hexclave.test.loopback-tls";

    /** The proxy's credentials; the password must never appear in a log record. */
    public static final String PROXY_USER = "hexclave-proxy-user";
    public static final String PROXY_PASSWORD = "proxy-pass-Zq8Wm2Lk5";

    private LoopbackTls() {
    }

    /**
     * {@code app} calling the emulator through the TLS front: its {@code api-url}, the emulator's origin as the tokens'
     * issuer, and the secret server key for client calls. Whom the app trusts is each test's choice.
     */
    static QuarkusUnitTest behindTlsFront(QuarkusUnitTest app) {
        return app.overrideRuntimeConfigKey("quarkus.hexclave.api-url", apiUrl())
                .overrideRuntimeConfigKey("quarkus.hexclave.issuer-origins", SharedEmulator.apiUrl())
                .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());
    }

    /** {@code https://localhost:<port>}: the emulator behind the TLS front. */
    public static String apiUrl() {
        return "https://localhost:" + state().get("frontPort");
    }

    /** {@code https://localhost:<port>}: the emulator behind a TLS front that requires a client certificate. */
    public static String mutualTlsApiUrl() {
        return "https://localhost:" + state().get("mutualFrontPort");
    }

    /** The PEM files of a client certificate the private CA signed ({@code CN=hexclave-test-client}) and its key. */
    public static String clientCertPem() {
        return (String) state().get("clientCertPem");
    }

    public static String clientKeyPem() {
        return (String) state().get("clientKeyPem");
    }

    /** The subjects of the client certificates the mutual-TLS front accepted, one per completed handshake. */
    @SuppressWarnings("unchecked")
    public static List<String> mutualTlsClients() {
        return ((Supplier<List<String>>) state().get("mutualTlsClients")).get();
    }

    /** The PEM file of the private CA's certificate, for {@code quarkus.tls.<name>.trust-store.pem.certs}. */
    public static String caPem() {
        return (String) state().get("caPem");
    }

    public static int proxyPort() {
        return (Integer) state().get("proxyPort");
    }

    /** Connections the TLS front accepted (a handshake may have failed on them). */
    public static long frontConnections() {
        return counter("frontConnections");
    }

    /** TLS handshakes the front completed: clients that trusted its certificate. */
    public static long frontHandshakes() {
        return counter("frontHandshakes");
    }

    /** Tunnels the proxy opened, after checking the credentials. */
    public static long proxyTunnels() {
        return counter("proxyTunnels");
    }

    /** Requests the proxy refused for missing or wrong credentials. */
    public static long proxyRefusals() {
        return counter("proxyRefusals");
    }

    /** Whether {@code condition} holds within 5 s. */
    public static boolean eventually(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static long counter(String name) {
        return ((Supplier<Long>) state().get(name)).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state() {
        synchronized (System.getProperties()) {
            Object state = System.getProperties().get(KEY);
            if (state == null) {
                try {
                    state = start(URI.create(SharedEmulator.apiUrl()));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start the loopback TLS server", e);
                }
                System.getProperties().put(KEY, state);
            }
            return (Map<String, Object>) state;
        }
    }

    private static Map<String, Object> start(URI emulator) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair caKeys = generator.generateKeyPair();
        KeyPair serverKeys = generator.generateKeyPair();
        X500Name caName = new X500Name("CN=Hexclave Test Private CA");
        Instant now = Instant.now();
        Date from = Date.from(now.minus(Duration.ofHours(1)));
        Date to = Date.from(now.plus(Duration.ofDays(2)));

        var caBuilder = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, to, caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate ca = certificate(caBuilder, caKeys);
        var serverBuilder = new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, from, to,
                new X500Name("CN=localhost"), serverKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
        X509Certificate server = certificate(serverBuilder, caKeys);
        KeyPair clientKeys = generator.generateKeyPair();
        X509Certificate clientCert = certificate(new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(3), from, to,
                new X500Name("CN=hexclave-test-client"), clientKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false)), caKeys);

        Path dir = Files.createTempDirectory("hexclave-loopback-tls");
        Path caPem = dir.resolve("private-ca.pem");
        Files.writeString(caPem, pem(ca));
        Path clientCertPem = dir.resolve("client.crt");
        Files.writeString(clientCertPem, pem(clientCert));
        Path clientKeyPem = dir.resolve("client.key");
        Files.writeString(clientKeyPem, pem(new JcaPKCS8Generator(clientKeys.getPrivate(), null)));
        for (Path file : List.of(dir, caPem, clientCertPem, clientKeyPem)) {
            file.toFile().deleteOnExit();
        }

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        char[] password = "changeit".toCharArray();
        keyStore.setKeyEntry("server", serverKeys.getPrivate(), password, new X509Certificate[] { server, ca });
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", ca);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext mutualTls = SSLContext.getInstance("TLS");
        mutualTls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);

        InetAddress loopback = InetAddress.getLoopbackAddress();
        SSLServerSocket mutualFront = (SSLServerSocket) mutualTls.getServerSocketFactory().createServerSocket(0, 50,
                loopback);
        mutualFront.setNeedClientAuth(true);
        List<String> mutualTlsClients = new CopyOnWriteArrayList<>();
        daemon("loopback-mutual-tls-front", () -> {
            while (!mutualFront.isClosed()) {
                SSLSocket client = (SSLSocket) mutualFront.accept();
                client.addHandshakeCompletedListener(e -> {
                    try {
                        mutualTlsClients.add(e.getPeerPrincipal().getName());
                    } catch (SSLPeerUnverifiedException unverified) {
                        mutualTlsClients.add("<none>");
                    }
                });
                relay(client, new Socket(emulator.getHost(), emulator.getPort()));
            }
        });
        SSLServerSocket front = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, loopback);
        ServerSocket proxy = new ServerSocket(0, 50, loopback);
        AtomicLong frontConnections = new AtomicLong();
        AtomicLong frontHandshakes = new AtomicLong();
        AtomicLong proxyTunnels = new AtomicLong();
        AtomicLong proxyRefusals = new AtomicLong();

        daemon("loopback-tls-front", () -> {
            while (!front.isClosed()) {
                SSLSocket client = (SSLSocket) front.accept();
                frontConnections.incrementAndGet();
                client.addHandshakeCompletedListener(e -> frontHandshakes.incrementAndGet());
                relay(client, new Socket(emulator.getHost(), emulator.getPort()));
            }
        });
        String expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((PROXY_USER + ":" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8));
        daemon("loopback-proxy", () -> {
            while (!proxy.isClosed()) {
                Socket client = proxy.accept();
                daemon("loopback-proxy-connect", () -> {
                    Map<String, String> head = readHead(client.getInputStream());
                    String[] line = head.getOrDefault("", "").split(" ");
                    OutputStream out = client.getOutputStream();
                    if (!expectedAuthorization.equals(head.get("proxy-authorization"))) {
                        proxyRefusals.incrementAndGet();
                        out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic "
                                + "realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        client.close();
                        return;
                    }
                    if (line.length < 2 || !line[0].equals("CONNECT")) {
                        out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        client.close();
                        return;
                    }
                    String[] target = line[1].split(":");
                    Socket upstream = new Socket(target[0], Integer.parseInt(target[1]));
                    proxyTunnels.incrementAndGet();
                    out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    relay(client, upstream);
                });
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(front);
            closeQuietly(mutualFront);
            closeQuietly(proxy);
        }, "loopback-tls-stop"));

        Map<String, Object> state = new HashMap<>();
        state.put("frontPort", front.getLocalPort());
        state.put("caPem", caPem.toString());
        state.put("mutualFrontPort", mutualFront.getLocalPort());
        state.put("clientCertPem", clientCertPem.toString());
        state.put("clientKeyPem", clientKeyPem.toString());
        state.put("mutualTlsClients", (Supplier<List<String>>) () -> List.copyOf(mutualTlsClients));
        state.put("proxyPort", proxy.getLocalPort());
        state.put("frontConnections", (Supplier<Long>) frontConnections::get);
        state.put("frontHandshakes", (Supplier<Long>) frontHandshakes::get);
        state.put("proxyTunnels", (Supplier<Long>) proxyTunnels::get);
        state.put("proxyRefusals", (Supplier<Long>) proxyRefusals::get);
        return Map.copyOf(state);
    }

    private static X509Certificate certificate(org.bouncycastle.cert.X509v3CertificateBuilder builder, KeyPair signer) throws Exception {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private static String pem(Object object) throws IOException {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(object);
        }
        return pem.toString();
    }

    /** The request line (under the key {@code ""}) and the headers (lower-case names) of a proxy request. */
    private static Map<String, String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && bytes.size() < 16 * 1024) {
            bytes.write(b);
            byte[] sofar = bytes.toByteArray();
            int n = sofar.length;
            if (n >= 4 && sofar[n - 4] == '\r' && sofar[n - 3] == '\n' && sofar[n - 2] == '\r' && sofar[n - 1] == '\n') {
                break;
            }
        }
        Map<String, String> head = new HashMap<>();
        String[] lines = bytes.toString(StandardCharsets.US_ASCII).split("\r\n");
        head.put("", lines.length > 0 ? lines[0] : "");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                head.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return head;
    }

    /** Copies bytes both ways until either side closes; a failed TLS handshake just ends the relay. */
    private static void relay(Socket a, Socket b) {
        daemon("loopback-relay", () -> copy(a, b));
        daemon("loopback-relay", () -> copy(b, a));
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side went away, or the client refused the certificate
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static void daemon(String name, Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                // a closed server socket at JVM exit, or a client gone away
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
