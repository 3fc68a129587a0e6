#!/usr/bin/env python3
"""Writes a generated news site of N published articles straight into Dateline's tables.

Usage: search-seed.py sqlite FILE N QUERIES_LUA
       search-seed.py postgres N QUERIES_LUA   (prints psql \\copy input on stdout)

Words follow a Zipf distribution over a made-up vocabulary, so that some words are in most
articles and others in a handful, as in real text. The same seed gives the same site, and the
queries written to QUERIES_LUA mix common, middling and rare words, pairs, prefixes and filters.
"""
import datetime, io, random, sys, uuid

rng = random.Random(20261129)
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
def make_word(i):
    r = random.Random(i)
    return "".join(r.choice(SYLLABLES) for _ in range(r.choice((2, 2, 3, 3, 4))))
vocab = list(dict.fromkeys(make_word(i) for i in range(26000)))[:20000]
weights, total = [], 0.0
for rank in range(len(vocab)):
    total += 1.0 / (rank + 1) ** 1.07
    weights.append(total)

def words(n):
    return rng.choices(vocab, cum_weights=weights, k=n)

TOPICS = [f"Topic {w.title()}" for w in vocab[3000:3050]]
AUTHORS = [f"{a.title()} {b.title()}" for a, b in zip(vocab[4000:4300], vocab[5000:5300])]
SECTIONS = ["News", "Business", "Politics", "Sport", "Culture", "Science", "Opinion", "World"]
def slug(text):
    return "-".join(text.lower().split())

start = datetime.datetime(2021, 12, 1, tzinfo=datetime.timezone.utc)
def articles(n):
    for i in range(1, n + 1):
        headline = " ".join(words(rng.randint(6, 10))).capitalize()
        dek = " ".join(words(rng.randint(14, 24))).capitalize() + "."
        paragraphs = [" ".join(words(rng.randint(30, 50))).capitalize() + "." for _ in range(rng.randint(3, 5))]
        published = start + datetime.timedelta(minutes=i * 26)
        yield dict(
            id=i, headline=headline, dek=dek, slug=f"{slug(headline)[:60]}-{i}",
            markdown="\n\n".join(paragraphs), html="".join(f"<p>{p}</p>\n" for p in paragraphs),
            published=published, section=rng.randint(1, len(SECTIONS)),
            authors=rng.sample(range(1, len(AUTHORS) + 1), rng.choice((1, 1, 1, 2))),
            topics=rng.sample(range(1, len(TOPICS) + 1), rng.randint(1, 3)),
            version=str(uuid.UUID(int=rng.getrandbits(128), version=4)))

def write_queries(path):
    common, middling, rare = vocab[20:120], vocab[800:3000], vocab[9000:20000]
    q = rng.sample(common, 15) + rng.sample(middling, 25) + rng.sample(rare, 20)
    q += [f"{a} {b}" for a, b in zip(rng.sample(common, 10), rng.sample(middling, 10))]
    q += [w[:4] for w in rng.sample(middling, 10)]
    q += [f"\"{a} {b}\"" for a, b in zip(rng.sample(common, 5), rng.sample(common, 5))]
    paths = ["/search?q=" + x.replace(" ", "+").replace('"', "%22") for x in q]
    paths += [f"/search?q={w}&topic={slug(t)}" for w, t in zip(rng.sample(common, 5), rng.sample(TOPICS, 5))]
    paths += [f"/search?q={w}&from=2024-01-01&to=2024-12-31" for w in rng.sample(middling, 5)]
    with open(path, "w") as f:
        f.write("paths = {\n" + "".join(f'  "{p}",\n' for p in paths) + "}\n")

def sqlite(file, n):
    import sqlite3
    db = sqlite3.connect(file)
    db.execute("BEGIN")
    db.executemany('INSERT INTO "Sections" ("Id","Name","Slug") VALUES (?,?,?)', [(i + 1, s, slug(s)) for i, s in enumerate(SECTIONS)])
    db.executemany('INSERT INTO "Topics" ("Id","Name","Slug") VALUES (?,?,?)', [(i + 1, t, slug(t)) for i, t in enumerate(TOPICS)])
    db.executemany('INSERT INTO "Authors" ("Id","Name","Slug") VALUES (?,?,?)', [(i + 1, a, slug(a)) for i, a in enumerate(AUTHORS)])
    fmt = lambda d: d.strftime("%Y-%m-%d %H:%M:%S")
    for a in articles(n):
        db.execute('INSERT INTO "Articles" ("Id","BodyHtml","BodyMarkdown","CommentsOpen","CreatedAt","Credits","Dek","Headline","PathDate","PublishedAt","SectionId","Slug","Status","UpdatedAt","Version") '
                   "VALUES (?,?,?,1,?,'[]',?,?,?,?,?,?,'Published',?,?)",
                   (a["id"], a["html"], a["markdown"], fmt(a["published"]), a["dek"], a["headline"], a["published"].strftime("%Y-%m-%d"),
                    fmt(a["published"]), a["section"], a["slug"], fmt(a["published"]), a["version"].upper()))
        db.executemany('INSERT INTO "ArticleAuthor" ("ArticleId","AuthorId","Position") VALUES (?,?,?)', [(a["id"], x, p) for p, x in enumerate(a["authors"])])
        db.executemany('INSERT INTO "ArticleTopic" ("ArticlesId","TopicsId") VALUES (?,?)', [(a["id"], t) for t in a["topics"]])
    db.commit()

def postgres(n):
    out = sys.stdout
    esc = lambda s: s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    def copy(table, columns, rows):
        out.write(f'\\copy "{table}" ({",".join(f"{chr(34)}{c}{chr(34)}" for c in columns)}) from stdin\n')
        for r in rows:
            out.write("\t".join(esc(str(x)) for x in r) + "\n")
        out.write("\\.\n")
    copy("Sections", ["Id", "Name", "Slug"], [(i + 1, s, slug(s)) for i, s in enumerate(SECTIONS)])
    copy("Topics", ["Id", "Name", "Slug"], [(i + 1, t, slug(t)) for i, t in enumerate(TOPICS)])
    copy("Authors", ["Id", "Name", "Slug"], [(i + 1, a, slug(a)) for i, a in enumerate(AUTHORS)])
    links, topics = [], []
    def rows():
        for a in articles(n):
            links.extend((a["id"], x, p) for p, x in enumerate(a["authors"]))
            topics.extend((a["id"], t) for t in a["topics"])
            iso = a["published"].isoformat()
            yield (a["id"], a["html"], a["markdown"], "t", iso, "{}", a["dek"], a["headline"], a["published"].date().isoformat(), iso, a["section"], a["slug"], "Published", iso, a["version"])
    copy("Articles", ["Id", "BodyHtml", "BodyMarkdown", "CommentsOpen", "CreatedAt", "Credits", "Dek", "Headline", "PathDate", "PublishedAt", "SectionId", "Slug", "Status", "UpdatedAt", "Version"], rows())
    copy("ArticleAuthor", ["ArticleId", "AuthorId", "Position"], links)
    copy("ArticleTopic", ["ArticlesId", "TopicsId"], topics)
    for table in ("Sections", "Topics", "Authors", "Articles"):
        out.write(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"));\n")

if sys.argv[1] == "sqlite":
    sqlite(sys.argv[2], int(sys.argv[3])); write_queries(sys.argv[4])
else:
    postgres(int(sys.argv[2])); write_queries(sys.argv[3])
