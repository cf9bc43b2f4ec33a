package io.webprobe.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A loopback port serving plain http that answers anything, a TLS hello too, with an http
 * error and closes, as nginx does: what an {@code https://} URL with a plain-http port meets.
 */
public final class PlainHttpPort implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread answering;

    public PlainHttpPort() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        answering = Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0"
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed at the end of the test, or a client gone
                }
            }
        });
    }

    /** {@code https://127.0.0.1:PORT/}: the port as an https URL would name it. */
    public String httpsUrl() {
        return "https://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            answering.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
