package io.quarkiverse.hexclave.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server on port 0 that answers every request with a status line, headers announcing a body of
 * {@code declaredLength} bytes and the first bytes of that body, then stalls: the connection stays open, and nothing
 * more is sent, until {@link #close()}. Counts the connections it accepted.
 */
public final class StallingServer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final String head;

    public StallingServer(String bodyStart, int declaredLength) {
        this.head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + declaredLength
                + "\r\n\r\n" + bodyStart;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        acceptor = new Thread(this::accept, "stalling-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.incrementAndGet();
                readHeaders(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.UTF_8));
                out.flush(); // then nothing more: the body stalls
            } catch (IOException e) {
                // closed, or the client went away: accept the next one
            }
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
