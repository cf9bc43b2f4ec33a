import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A loopback site of hostile responses, for the memory figures in docs/benchmarks.md
 * ("Hostile heads and pages"). Run with the JDK alone, no build:
 * <pre>
 *   java bench/HostileSite.java PORT heads FIELDS PAGES  # every page's head FIELDS x "a: b"
 *   java bench/HostileSite.java PORT links N             # / links /links: N new links
 *   java bench/HostileSite.java PORT big MB              # / links /big: an MB page of text
 *   java bench/HostileSite.java PORT many N MB KIND      # / links /m/0../m/N-1: MB each
 * </pre>
 * then {@code ./run.sh crawl http://127.0.0.1:PORT/} with {@code WEBPROBE_JAVA_OPTS=-Xlog:gc}
 * (and {@code --max-depth=1} or {@code --max-size=...} as the figures say). In {@code heads}
 * mode page {@code /p/N} links to {@code /p/8N+1} to {@code /p/8N+8} below PAGES. In {@code
 * many} mode each of the N pages is MB MB (say the {@code --max-size}) of distinct links, of
 * one KIND: {@code a} ({@code <a href=/p/K/I>}, ~22 bytes a link), {@code text} (the same
 * with 2,000 characters of anchor text each), {@code srcset} ({@code <img srcset>} of 20
 * candidates each) or {@code css} (a stylesheet's {@code url()}s, the page linking it);
 * every other path is a short 404.
 */
public final class HostileSite {
    private static final byte[] CRLF = {'\r', '\n'};

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        switch (args[1]) {
            case "heads" -> heads(port, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "links" -> page(port, "/links", links(Integer.parseInt(args[2])));
            case "big" -> page(port, "/big", big(Integer.parseInt(args[2])));
            case "many" -> many(port, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args[4]);
            default -> throw new IllegalArgumentException("heads, links, big or many");
        }
    }

    /** Every answer's head carries {@code fields} tiny fields; robots.txt's does not. */
    private static void heads(int port, int fields, int pages) throws IOException {
        byte[] junk = "a: b\r\n".repeat(fields).getBytes(StandardCharsets.ISO_8859_1);
        ServerSocket listener = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        while (true) {
            Socket s = listener.accept();
            Thread.ofPlatform().daemon().start(() -> {
                try (s) {
                    InputStream in = new BufferedInputStream(s.getInputStream());
                    OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
                    for (String path; (path = requestPath(in)) != null; ) {
                        int n = path.equals("/") ? 0 : path.startsWith("/p/")
                                ? Integer.parseInt(path.substring(3)) : -1;
                        StringBuilder body = new StringBuilder("<html><body>");
                        for (long c = 8L * n + 1; n >= 0 && n < pages && c <= 8L * n + 8
                                && c < pages; c++) {
                            body.append("<a href=/p/").append(c).append(">x</a>\n");
                        }
                        byte[] b = body.append("</body></html>").toString()
                                .getBytes(StandardCharsets.ISO_8859_1);
                        String status = n >= 0 && n < pages ? "200 OK" : "404 Not Found";
                        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: text/html\r\n"
                                + "Content-Length: " + b.length + "\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                        if (!path.equals("/robots.txt")) {
                            out.write(junk);
                        }
                        out.write(CRLF);
                        out.write(b);
                        out.flush();
                    }
                } catch (IOException | RuntimeException e) {
                    // the crawler closed the connection
                }
            });
        }
    }

    /** The request's path, after reading its head; null at the end of the stream. */
    private static String requestPath(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            head.append((char) c);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                return head.toString().split(" ", 3)[1];
            }
        }
        return null;
    }

    private static byte[] links(int n) {
        StringBuilder sb = new StringBuilder("<!doctype html><title>links</title><body>\n");
        for (int i = 0; i < n; i++) {
            sb.append("<a href=\"/l/").append(i).append("\">link ").append(i).append("</a>\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Paragraphs of text, a link every 50th, to {@code mb} MB. */
    private static byte[] big(int mb) {
        StringBuilder sb = new StringBuilder("<!doctype html><title>big</title><body>\n");
        for (int n = 0; sb.length() < mb << 20; n++) {
            sb.append("<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
                    + "eiusmod tempor incididunt ut labore et dolore magna aliqua.");
            if (n % 50 == 0) {
                sb.append(" <a href=\"/b/").append(n / 50).append("\">more</a>");
            }
            sb.append("</p>\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code n} pages of {@code mb} MB of distinct links each (see the class comment). */
    private static void many(int port, int n, int mb, String kind) throws IOException {
        byte[][] pages = new byte[n][];
        for (int k = 0; k < n; k++) {
            pages[k] = manyLinks(k, mb << 20, kind);
        }
        StringBuilder h = new StringBuilder("<html><body>");
        for (int k = 0; k < n; k++) {
            h.append("<a href=/m/").append(k).append(">").append(k).append("</a>\n");
        }
        byte[] home = h.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
        boolean css = kind.equals("css");
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        server.createContext("/", ex -> {
            String p = ex.getRequestURI().getPath();
            byte[] b = "no".getBytes(StandardCharsets.UTF_8);
            String type = "text/plain";
            int status = 404;
            if (p.equals("/")) {
                b = home;
                type = "text/html; charset=utf-8";
                status = 200;
            } else if (p.startsWith("/m/") && p.length() > 3) {
                String rest = p.substring(3);
                boolean sheet = css && rest.endsWith(".css");
                int k = Integer.parseInt(sheet ? rest.substring(0, rest.length() - 4) : rest);
                status = 200;
                if (css && !sheet) {
                    b = ("<html><head><link rel=stylesheet href=/m/" + k + ".css></head></html>")
                            .getBytes(StandardCharsets.UTF_8);
                    type = "text/html; charset=utf-8";
                } else {
                    b = pages[k];
                    type = sheet ? "text/css" : "text/html; charset=utf-8";
                }
            }
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    /** A page (or stylesheet) of {@code bytes} of links distinct to page {@code k}. */
    private static byte[] manyLinks(int k, int bytes, String kind) {
        StringBuilder sb = new StringBuilder(bytes + 4096);
        sb.append(kind.equals("css") ? "" : "<!doctype html><title>many</title><body>\n");
        String text = "t".repeat(2000);
        for (int i = 0; sb.length() < bytes - 1000; i++) {
            switch (kind) {
                case "a" -> sb.append("<a href=/p/").append(k).append('/').append(i)
                        .append(">\n");
                case "text" -> sb.append("<a href=/p/").append(k).append('/').append(i)
                        .append('>').append(text).append(i).append("</a>\n");
                case "srcset" -> {
                    sb.append("<img srcset=\"");
                    for (int c = 0; c < 20; c++) {
                        sb.append(c == 0 ? "" : ",").append("/p/").append(k).append('/')
                                .append(i).append('/').append(c).append(" ").append(c + 1)
                                .append('x');
                    }
                    sb.append("\">\n");
                }
                case "css" -> sb.append("a{background:url(/p/").append(k).append('/')
                        .append(i).append(")}\n");
                default -> throw new IllegalArgumentException("a, text, srcset or css");
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** / links to {@code path}, which answers {@code page}; anything else is a short 404. */
    private static void page(int port, String path, byte[] page) throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        byte[] home = ("<html><body><a href=" + path + ">x</a></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", ex -> {
            String p = ex.getRequestURI().getPath();
            byte[] b = p.equals("/") ? home : p.equals(path) ? page : "no".getBytes();
            ex.getResponseHeaders().add("Content-Type", b == page || b == home
                    ? "text/html; charset=utf-8" : "text/plain");
            ex.sendResponseHeaders(b == page || b == home ? 200 : 404, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }
}
