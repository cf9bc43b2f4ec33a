#!/usr/bin/env python3
"""Makes a big crawl file out of a small one, for the workspace benchmarks.

usage: inflate-crawl.py SMALL.webprobe BIG.webprobe ROWS

Copies SMALL (a finished crawl, e.g. from `./run.sh crawl URL --db SMALL.webprobe`) to BIG and
adds finished rows until the crawl holds ROWS URLs: copies of the small crawl's rows under new
paths (/copy-K/...), with varied status codes, response times, titles and depths, each with
three links (to the start page, to the next copy and to a random earlier row) so inlinks,
outlinks and the details pane have data. The file stays a valid Webprobe crawl file.
"""
import random
import shutil
import sqlite3
import sys


def main():
    small, big, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
    shutil.copyfile(small, big)
    db = sqlite3.connect(big)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    cols = [r[1] for r in db.execute("PRAGMA table_info(urls)")]
    base = db.execute("SELECT * FROM urls WHERE state = 1 ORDER BY id").fetchall()
    start = db.execute("SELECT url FROM urls WHERE id = 1").fetchone()[0].rstrip("/")
    next_id = db.execute("SELECT MAX(id) FROM urls").fetchone()[0] + 1
    next_seq = db.execute("SELECT MAX(seq) FROM urls").fetchone()[0] + 1
    have = db.execute("SELECT COUNT(*) FROM urls").fetchone()[0]
    rnd = random.Random(7)
    i_id, i_key, i_url = cols.index("id"), cols.index("key"), cols.index("url")
    i_seq, i_status = cols.index("seq"), cols.index("status")
    i_ms, i_title = cols.index("response_ms"), cols.index("title")
    i_depth, i_ref = cols.index("depth"), cols.index("referrer_id")
    i_flags, i_out = cols.index("flags"), cols.index("outlinks")
    statuses = [200] * 90 + [301] * 4 + [404] * 3 + [500] + [403] + [503]
    insert = "INSERT INTO urls (" + ",".join(cols) + ") VALUES (" + ",".join("?" * len(cols)) + ")"
    copy = 0
    batch, links = [], []
    while have < rows:
        copy += 1
        for r in base:
            if have >= rows:
                break
            r = list(r)
            if r[i_flags] & 1:  # external rows are not copied
                continue
            path = r[i_url][len(start):] if r[i_url].startswith(start) else "/x"
            url = f"{start}/copy-{copy}{path}"
            r[i_id], r[i_key], r[i_url], r[i_seq] = next_id, url, url, next_seq
            r[i_status] = rnd.choice(statuses)
            r[i_ms] = int(rnd.expovariate(1 / 40))
            r[i_title] = f"{r[i_title] or 'Page'} ({copy})" if rnd.random() < 0.97 else ""
            r[i_depth] = (r[i_depth] or 0) + copy % 7
            r[i_ref] = 1
            r[i_flags] = 0
            r[i_out] = 3
            batch.append(r)
            links.append((next_id, 0, 1, "a", "home", 0))
            links.append((next_id, 1, next_id + 1 if have + 1 < rows else 1, "a", "next", 0))
            links.append((next_id, 2, rnd.randrange(1, next_id), "a", f"see {copy}", 0))
            next_id += 1
            next_seq += 1
            have += 1
            if len(batch) >= 20000:
                db.executemany(insert, batch)
                db.executemany("INSERT INTO links VALUES (?,?,?,?,?,?)", links)
                db.commit()
                batch, links = [], []
    if batch:
        db.executemany(insert, batch)
        db.executemany("INSERT INTO links VALUES (?,?,?,?,?,?)", links)
    db.execute("UPDATE urls SET inlinks = (SELECT COUNT(*) FROM links l WHERE l.target_id = urls.id)")
    db.commit()
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    print(f"{big}: {have:,} URLs")


if __name__ == "__main__":
    main()
