#!/usr/bin/env python3
"""Serves pages that test how much memory a crawler needs for them, N of a kind linked from one.

usage: large-pages.py PORT

/KIND/N?mb=M   a page linking N pages of that kind (default 8), each M MB (default 11)
/KIND/p/I?mb=M one page of that kind, M MB (streamed, never held whole)
kinds:
  nul      NUL bytes after a title
  gznul    gzip of NUL bytes, M MB decoded (the compressed body is cached)
  gza      gzip of the letter 'a', 1,024 MB decoded (a compression bomb; built once, ~5 s)
  a        one "word" of the letter 'a'
  words    text without markup, in a pre
  attr     one attribute value of M MB
  comment  one comment of M MB
  script   one script of M MB
  anchor   an unclosed link around words and inline elements
  dense    realistic markup: a paragraph with a link every 50 bytes
  y        a link, then one line of 'y' (as a 50 MB page of the tester's)
  css      a stylesheet (text/css) with a url() every 50 bytes
Any other path answers a small page (so a crawl that gets through exits 0); robots.txt is
absent.
"""
import gzip
import io
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CACHE = {}
LOCK = threading.Lock()
HTML = b"text/html"


def pattern(kind):
    """The page's head, the chunk repeated to its size, its tail, and its type."""
    return {
        "nul": (b"<html><head><title>nul</title></head><body>", b"\0" * 65536, b"", HTML),
        "a": (b"<html><head><title>a</title></head><body>", b"a" * 65536, b"", HTML),
        "words": (b"<html><head><title>words</title></head><body><pre>",
                  b"lorem ipsum dolor sit amet " * 2427, b"", HTML),
        "attr": (b"<html><head><title>attr</title></head><body><a href='/x' title='",
                 b"b" * 65536, b"'>x</a>", HTML),
        "comment": (b"<html><head><title>comment</title></head><body><!--",
                    b"c - c > c " * 6553, b"-->", HTML),
        "script": (b"<html><head><title>script</title></head><body><script>",
                   b"var x = a < b && c > d; " * 2730, b"</script>", HTML),
        "anchor": (b"<html><head><title>anchor</title></head><body><a href='/x'>",
                   b"word <b>bold</b> more words<br>\n" * 2048, b"", HTML),
        "dense": (b"<html><head><title>dense</title></head><body>",
                  b"<p>lorem ipsum dolor <a href='/x'>x</a></p>\n" * 1489, b"", HTML),
        "y": (b"<html><head><title>Big</title></head><body><a href='/x'>c</a>",
              b"y" * 65536, b"", HTML),
        "css": (b"/* big */ @import 'first.css';\n",
                b".c{background:url(/bg.png)} /* c */ .d{color:red}\n" * 1260, b"",
                b"text/css"),
    }[kind]


def gzipped(key, head, chunk, count):
    with LOCK:
        if key not in CACHE:
            buf = io.BytesIO()
            with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as g:
                g.write(head)
                for _ in range(count):
                    g.write(chunk)
            CACHE[key] = buf.getvalue()
        return CACHE[key]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def whole(self, code, body, ctype=HTML, headers=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype.decode())
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path, _, query = self.path.partition("?")
        mb = 11
        for part in query.split("&"):
            if part.startswith("mb="):
                mb = int(part[3:])
        parts = path.strip("/").split("/")
        kind = parts[0]
        kinds = ("nul", "gznul", "gza", "a", "words", "attr", "comment", "script", "anchor",
                 "dense", "y", "css")
        small = b"<html><head><title>small</title></head><body>small</body></html>"
        if path == "/robots.txt":
            return self.whole(404, b"", b"text/plain")
        if kind not in kinds:
            return self.whole(200, small)
        if len(parts) <= 2 and (len(parts) == 1 or parts[1].isdigit()):
            n = int(parts[1]) if len(parts) == 2 else 8
            tag = ('<link rel=stylesheet href="/css/p/{i}?mb={mb}">' if kind == "css"
                   else '<a href="/{kind}/p/{i}?mb={mb}">{i}</a>')
            links = "\n".join(tag.format(kind=kind, i=i, mb=mb) for i in range(n))
            return self.whole(200, f"<html><head><title>{kind}</title></head><body>{links}"
                                   f"</body></html>".encode())
        if len(parts) != 3 or parts[1] != "p" or not parts[2].isdigit():
            return self.whole(200, small, b"text/css" if path.endswith(".css") else HTML)
        if kind == "gznul":
            body = gzipped(("gznul", mb), b"<html><head><title>bomb</title></head><body>",
                           b"\0" * (1 << 20), mb)
            return self.whole(200, body, headers=[("Content-Encoding", "gzip")])
        if kind == "gza":
            body = gzipped("gza", b"<html><head><title>bomb</title></head><body>",
                           b"a" * (1 << 20), 1024)
            return self.whole(200, body, headers=[("Content-Encoding", "gzip")])
        head, chunk, tail, ctype = pattern(kind)
        size = mb << 20
        self.send_response(200)
        self.send_header("Content-Type", ctype.decode())
        self.send_header("Content-Length", str(size))
        self.end_headers()
        try:
            self.wfile.write(head)
            left = size - len(head) - len(tail)
            while left > 0:
                w = min(left, len(chunk))
                self.wfile.write(chunk[:w])
                left -= w
            self.wfile.write(tail)
        except (BrokenPipeError, ConnectionResetError):
            pass  # a crawler that stops at its cap closes the connection


class Server(ThreadingHTTPServer):
    daemon_threads = True


if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
