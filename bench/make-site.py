#!/usr/bin/env python3
"""Generates a static test site for crawl benchmarks and end-to-end checks.

usage: make-site.py DIR PAGES [BASE_URL]

Writes DIR/index.html and DIR/section-S/page-N.html (N < PAGES), each page with ~20 links in
relative, root-relative and absolute forms (absolute ones need BASE_URL, e.g.
http://127.0.0.1:8080), a few images, and every 40th page a broken link. Also writes
DIR/../expected-pages.txt (every URL path a complete crawl requests) and
DIR/../expected-broken.csv (link path, source path).
"""
import os
import random
import sys


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    base = sys.argv[3] if len(sys.argv) > 3 else ""
    rnd = random.Random(42)
    os.makedirs(out, exist_ok=True)
    paths = ["/"]
    broken = []

    def path(i):
        return f"/section-{i % 20}/page-{i}.html"

    def write(p, title, body):
        f = os.path.join(out, p.lstrip("/") or "index.html")
        if p.endswith("/"):
            f = os.path.join(out, p.lstrip("/"), "index.html")
        os.makedirs(os.path.dirname(f), exist_ok=True)
        with open(f, "w", encoding="utf-8") as fh:
            fh.write(f"<!doctype html><html><head><meta charset=utf-8><title>{title}</title>"
                     f"<link rel=stylesheet href=/style.css></head><body>{body}</body></html>")

    write("/", "Home", "".join(f'<a href="{path(i)}">p{i}</a> ' for i in range(min(n, 50))))
    for i in range(n):
        links = []
        for k in range(20):
            j = rnd.randrange(n) if k else (i + 1) % n
            form = k % 3
            if form == 0:
                links.append(f'<a href="{path(j)}">to {j}</a>')
            elif form == 1 and base:
                links.append(f'<a href="{base}{path(j)}#x">abs {j}</a>')
            else:
                links.append(f'<a href="../section-{j % 20}/page-{j}.html">rel {j}</a>')
        links.append(f'<img src="/img/{i % 10}.png" alt="image {i % 10}">')
        if i % 40 == 0:
            missing = f"/missing/{i % 400}.html"
            links.append(f'<a href="{missing}">broken {i}</a>')
            broken.append((missing, path(i)))
        links.append('<a href="mailto:webmaster@example.invalid">mail</a>')
        write(path(i), f"Page {i} – é ü “quoted”", " ".join(links))
        paths.append(path(i))
    os.makedirs(os.path.join(out, "img"), exist_ok=True)
    for k in range(10):
        with open(os.path.join(out, "img", f"{k}.png"), "wb") as fh:
            fh.write(b"\x89PNG\r\n\x1a\n" + bytes(2000))
        paths.append(f"/img/{k}.png")
    with open(os.path.join(out, "style.css"), "w") as fh:
        fh.write("body{font-family:sans-serif}")
    paths.append("/style.css")
    paths.extend(sorted({m for m, _ in broken}))
    parent = os.path.dirname(os.path.abspath(out))
    with open(os.path.join(parent, "expected-pages.txt"), "w") as fh:
        fh.write("\n".join(paths) + "\n")
    with open(os.path.join(parent, "expected-broken.csv"), "w") as fh:
        fh.write("\n".join(f"{m},{s}" for m, s in broken) + "\n")


if __name__ == "__main__":
    main()
