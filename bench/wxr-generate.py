#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) for the import benchmark, as a stream.

    python3 bench/wxr-generate.py OUT.xml [--posts 10000] [--comments 100000] [--seed 6]

A site of N posts by 5 authors in 20 categories with 200 tags, each post 600-1200 words of
generated prose in WordPress's own storage form (paragraphs separated by blank lines, single
newlines for line breaks, the odd [caption] shortcode, links, emphasis, a heading or a list),
with an excerpt on most, a featured image on some, and a mix of statuses (mostly publish; some
draft, pending and future). M comments are spread unevenly over the published posts: many posts
have none, a few have hundreds; about a third are replies, most to an earlier comment, some to a
comment that comes later in the file; most are approved, some held, spam or trash; a few are
pingbacks. Cyrillic, Greek, Chinese, Japanese, Arabic and accented names and sentences are mixed
in. Dates run over the years 2009-2024 (future posts: 2031-2033), each with its local and GMT
form. The output is the same for the same arguments.

Alongside OUT.xml it writes OUT.counts.json: what it wrote, and what an import should report.
Memory stays small: one post is built at a time; only a count per post is kept.
"""
import argparse
import datetime as dt
import json
import random
import sys
import urllib.parse

SITE = "http://bench.example.org"
# The site's clock: local time is GMT minus five hours (no daylight saving, to keep it simple).
LOCAL_OFFSET = dt.timedelta(hours=-5)

# A plain newsroom vocabulary; earlier words are drawn more often (roughly Zipf).
WORDS = """
the of and to in a is that for on it with as was said by at from be this have are has an not
they but his her their which will been were more one would also its after who new about there
year people had first two when city last we or government than other over into some could
council years time police state school can most them water new only report plans week since
public local just because under between three before during while told million work made where
many residents later under against still back percent says officials spokesman minister
according even such program those area early country community office season project since
county board days group team health market river bridge harbour ferry station street morning
evening summer winter spring autumn election vote campaign budget tax funding housing rent
prices hospital doctors nurses patients teachers students university research study data
survey results court judge trial case lawyer evidence charges appeal company workers union
strike factory jobs wages business owners shop customers village town district region coast
island mountain valley forest farm farmers harvest weather storm rain flood drought fire
roads traffic buses trains airport flights tourists visitors festival music film theatre
museum library history century building construction developer neighbours meeting hearing
decision proposal committee members chair mayor councillor deputy agency department service
services support staff volunteers families children parents young older women men police
officers emergency crews rescue safety risk warning damage cost costs money pay paid bill
law rules policy change changes plan agreement deal talks leaders national international
energy power electricity gas oil solar wind climate carbon emissions environment wildlife
fish boats port cargo shipping trade exports imports economy growth jobs industry technology
internet phone network online digital system software computer science scientists found
""".split()

ACCENTED = ["café", "naïve", "façade", "Zoë", "São Paulo", "Ångström", "Łódź", "Škoda", "Müller", "crème brûlée"]
FOREIGN_SENTENCES = [
    "Жители города собрались у причала в субботу утром.",
    "Паром отправился точно по расписанию.",
    "Οι κάτοικοι ζήτησαν νέα δρομολόγια για το λιμάνι.",
    "港口的新时刻表从四月开始实行。",
    "市民たちは新しい橋の開通を祝った。",
    "قال رئيس البلدية إن المشروع سيكتمل العام المقبل.",
    "Die Fähre fährt jetzt stündlich über den Fluss.",
    "Los vecinos pidieron más autobuses por la noche.",
    "Ο δήμαρχος υποσχέθηκε περισσότερα λεωφορεία.",
    "新しい図書館は来月オープンする予定です。",
]
FOREIGN_HEADLINES = [
    "Новый паром для острова", "Городской совет утвердил бюджет", "Το λιμάνι ανοίγει ξανά",
    "新的渡轮时刻表", "図書館の改装が完了", "افتتاح الجسر الجديد",
]
AUTHORS = [  # login, display name, first, last, e-mail
    ("mbrennan", "Maeve Brennan", "Maeve", "Brennan", "maeve@bench.example.org"),
    ("jkowalski", "Jan Kowalski", "Jan", "Kowalski", "jan@bench.example.org"),
    ("ntmai", "Nguyễn Thị Mai", "Mai", "Nguyễn", "mai@bench.example.org"),
    ("dsokolov", "Дмитрий Соколов", "Дмитрий", "Соколов", "dmitry@bench.example.org"),
    ("hyamada", "山田 花子", "花子", "山田", "hanako@bench.example.org"),
]
CATEGORIES = [
    "Uncategorized", "Local News", "Politics", "Business", "Harbour & Shipping", "Education",
    "Health", "Courts", "Environment", "Transport", "Culture", "Sport", "Weather", "Housing",
    "Science", "Opinion", "Letters", "Food & Drink", "Community", "Обзор",
]
COMMENTERS = [
    "Tom O'Neill", "Zoë Ångström", "Priya Raman", "Chen Wei", "Олег", "María José", "Ahmed Hassan",
    "K. Schmidt", "reader42", "Anonymous", "Γιώργος", "佐藤", "Jean-Luc & friends", "B. <Jones>",
]


def cdata(text):
    """A CDATA section; a "]]>" in the text is split across two sections, as WordPress does."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wp_slug(text):
    """WordPress's sanitize_title, roughly: lower case, dashes, non-ASCII percent-encoded."""
    out, dash = [], False
    for ch in text.lower():
        if ch.isalnum():
            if dash and out:
                out.append("-")
            dash = False
            out.append(ch if ch.isascii() else urllib.parse.quote(ch).lower())
        else:
            dash = True
    return "".join(out)[:190] or "post"


def wp_date(d):
    return d.strftime("%Y-%m-%d %H:%M:%S")


def rfc822(d):
    return d.strftime("%a, %d %b %Y %H:%M:%S +0000")


class Prose:
    def __init__(self, rng):
        self.rng = rng
        self.cum = []
        total = 0.0
        for i in range(len(WORDS)):
            total += 1.0 / (i + 8)
            self.cum.append(total)

    def words(self, n):
        return self.rng.choices(WORDS, cum_weights=self.cum, k=n)

    def sentence(self, lo=6, hi=24):
        rng = self.rng
        if rng.random() < 0.025:
            return rng.choice(FOREIGN_SENTENCES)
        words = self.words(rng.randint(lo, hi))
        if rng.random() < 0.05:
            words[rng.randrange(len(words))] = rng.choice(ACCENTED)
        if len(words) > 8 and rng.random() < 0.4:
            words[rng.randrange(2, len(words) - 2)] += ","
        if rng.random() < 0.04:
            i = rng.randrange(len(words))
            words[i] = f"<em>{words[i]}</em>"
        text = " ".join(words)
        text = text[0].upper() + text[1:]
        end = "." if rng.random() < 0.9 else rng.choice(["?", "!"])
        if rng.random() < 0.08:
            text = f"“{text}{end}” said {rng.choice(AUTHORS)[1].split()[0]}"
            end = "."
        return text + end

    def headline(self):
        if self.rng.random() < 0.03:
            return self.rng.choice(FOREIGN_HEADLINES)
        words = self.words(self.rng.randint(4, 10))
        text = " ".join(words)
        if self.rng.random() < 0.1:
            text += ": " + self.rng.choice(["what's next?", "a guide", "“we did it”", "Q&A", "live updates"])
        return text[0].upper() + text[1:]

    def paragraph(self, words_wanted):
        sentences, count = [], 0
        while count < words_wanted:
            s = self.sentence()
            sentences.append(s)
            count += s.count(" ") + 1
        text = " ".join(sentences)
        if self.rng.random() < 0.2:
            # A link to somewhere, as editors paste them.
            words = text.split(" ")
            i = self.rng.randrange(len(words))
            words[i] = f'<a href="https://www.example.com/{self.rng.randrange(100000)}/{wp_slug(words[i])}">{words[i]}</a>'
            text = " ".join(words)
        if self.rng.random() < 0.05:
            # A line break inside a paragraph (WordPress turns it into <br>).
            cut = text.find(". ")
            if cut > 0:
                text = text[: cut + 1] + "\n" + text[cut + 2 :]
        return text, count

    def body(self, post_id, when):
        rng = self.rng
        target = rng.randint(600, 1200)
        blocks, count = [], 0
        while count < target:
            r = rng.random()
            if r < 0.04 and blocks:
                img = f"{SITE}/wp-content/uploads/{when:%Y/%m}/photo-{post_id}-{len(blocks)}.jpg"
                caption = self.sentence(5, 12)
                if rng.random() < 0.3:
                    caption += f" Photo: {rng.choice(AUTHORS)[1]}"
                blocks.append(
                    f'[caption id="attachment_{post_id}{len(blocks)}" align="aligncenter" width="640"]'
                    f'<a href="{img}"><img class="size-large" src="{img}" alt="{esc(caption[:40])}" width="640" height="427" /></a> '
                    f"{caption}[/caption]")
            elif r < 0.07 and blocks:
                blocks.append(f"<h2>{self.headline()}</h2>")
            elif r < 0.09 and blocks:
                items = "\n".join(f"\t<li>{self.sentence(3, 9)}</li>" for _ in range(rng.randint(2, 5)))
                blocks.append(f"<ul>\n{items}\n</ul>")
                count += 20
            elif r < 0.10 and blocks:
                text, n = self.paragraph(30)
                blocks.append(f"<blockquote>{text}</blockquote>")
                count += n
            else:
                text, n = self.paragraph(rng.randint(40, 120))
                if rng.random() < 0.06:
                    text = f"<strong>{text}</strong>"
                blocks.append(text)
                count += n
        return "\n\n".join(blocks), count


def allocate(rng, weights, total):
    """Splits total into integers in proportion to weights (largest remainders)."""
    s = sum(weights)
    if s == 0 or total == 0:
        return [0] * len(weights)
    exact = [w * total / s for w in weights]
    counts = [int(x) for x in exact]
    rest = total - sum(counts)
    order = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], rng.random()))
    for i in order[:rest]:
        counts[i] += 1
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--posts", type=int, default=10000)
    ap.add_argument("--comments", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=6)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    prose = Prose(rng)
    n = args.posts

    # Decide statuses, dates and comment counts first: a few small numbers per post.
    statuses = rng.choices(["publish", "draft", "pending", "future"], weights=[86, 7, 4, 3], k=n)
    start = dt.datetime(2009, 1, 1)
    span = (dt.datetime(2024, 12, 31) - start).total_seconds()
    # Posts are spread over the years in order (an export lists them oldest first, roughly).
    gmt_dates = []
    for i in range(n):
        if statuses[i] == "future":
            gmt_dates.append(dt.datetime(2031, 1, 1) + dt.timedelta(seconds=rng.randrange(3 * 365 * 86400)))
        else:
            gmt_dates.append(start + dt.timedelta(seconds=int(span * (i + rng.random()) / n)))
    # Heavy-tailed interest: a third of published posts get no comments, a few get hundreds.
    weights = []
    for i in range(n):
        if statuses[i] != "publish" or rng.random() < 0.33:
            weights.append(0.0)
        else:
            weights.append(min(rng.paretovariate(1.1), 150.0))
    if args.comments and not any(weights):
        weights = [1.0 if s == "publish" else 0.0 for s in statuses] if "publish" in statuses else [1.0] * n
    comment_counts = allocate(rng, weights, args.comments)

    tags = []
    seen = set()
    while len(tags) < 200:
        if len(tags) % 25 == 24:
            name = rng.choice(["港口", "Паром", "Λιμάνι", "選挙", "الطقس", "Überflutung", "São João", "Ярмарка", "天气", "Μουσική"]) + f" {len(tags)}"
        else:
            name = " ".join(prose.words(rng.randint(1, 2))).title()
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        tags.append((wp_slug(name), name))
    categories = [(wp_slug(c), c) for c in CATEGORIES]

    counts = {
        "posts": n, "comments": sum(comment_counts), "authors": len(AUTHORS), "categories": len(categories),
        "tags": len(tags), "attachments": 0, "words": 0,
        "posts_by_status": {}, "comments_by_status": {}, "pingbacks": 0, "replies": 0, "replies_to_later": 0,
        "expected": {"articles_added": n, "comments_added": sum(comment_counts),
                     "articles_by_status": {"published": 0, "scheduled": 0, "draft": 0}},
    }
    for s in statuses:
        counts["posts_by_status"][s] = counts["posts_by_status"].get(s, 0) + 1
        key = {"publish": "published", "future": "scheduled"}.get(s, "draft")
        counts["expected"]["articles_by_status"][key] += 1

    out = open(args.out, "w", encoding="utf-8", newline="\n", buffering=1 << 20)
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8" ?>\n')
    w("<!-- This is a WordPress eXtended RSS file generated by Dateline's bench/wxr-generate.py. -->\n")
    w('<rss version="2.0"\n\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
      '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
      '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n\n<channel>\n')
    w(f"\t<title>The Bench Courier</title>\n\t<link>{SITE}</link>\n\t<description>News from a made-up town</description>\n")
    w(f"\t<pubDate>{rfc822(dt.datetime(2025, 1, 2, 3, 4, 5))}</pubDate>\n\t<language>en-US</language>\n")
    w(f"\t<wp:wxr_version>1.2</wp:wxr_version>\n\t<wp:base_site_url>{SITE}</wp:base_site_url>\n\t<wp:base_blog_url>{SITE}</wp:base_blog_url>\n\n")
    for i, (login, display, first, last, email) in enumerate(AUTHORS, start=1):
        w(f"\t<wp:author><wp:author_id>{i}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>"
          f"<wp:author_email>{cdata(email)}</wp:author_email><wp:author_display_name>{cdata(display)}</wp:author_display_name>"
          f"<wp:author_first_name>{cdata(first)}</wp:author_first_name><wp:author_last_name>{cdata(last)}</wp:author_last_name></wp:author>\n")
    w("\n")
    for i, (slug, name) in enumerate(categories, start=1):
        w(f"\t<wp:category><wp:term_id>{i}</wp:term_id><wp:category_nicename>{cdata(slug)}</wp:category_nicename>"
          f"<wp:category_parent>{cdata('')}</wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n")
    for i, (slug, name) in enumerate(tags, start=len(categories) + 1):
        w(f"\t<wp:tag><wp:term_id>{i}</wp:term_id><wp:tag_slug>{cdata(slug)}</wp:tag_slug><wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>\n")
    w("\n\t<generator>https://wordpress.org/?v=6.5</generator>\n\n")

    next_id = 1
    comment_id = 1
    slugs = set()
    for i in range(n):
        post_id = next_id
        next_id += 1
        status = statuses[i]
        gmt = gmt_dates[i]
        local = gmt + LOCAL_OFFSET
        title = prose.headline()
        slug = wp_slug(title)[:60].rstrip("-")
        while slug in slugs:
            slug = f"{slug}-{rng.randint(2, 9)}"
        slugs.add(slug)
        body, words = prose.body(post_id, local)
        counts["words"] += words
        excerpt = prose.sentence(12, 30) if rng.random() < 0.6 else ""
        author = rng.choices(AUTHORS, weights=[5, 4, 3, 2, 1])[0][0]
        cats = [categories[0]] if rng.random() < 0.08 else rng.sample(categories[1:], rng.choice([1, 1, 1, 2, 3]))
        post_tags = rng.sample(tags, rng.randint(0, 8))
        draft_like = status in ("draft", "pending")
        # A draft that was never published has no GMT date, as WordPress writes it.
        gmt_text = "0000-00-00 00:00:00" if draft_like and rng.random() < 0.7 else wp_date(gmt)
        link = f"{SITE}/?p={post_id}" if draft_like else f"{SITE}/{local:%Y/%m/%d}/{slug}/"
        thumbnail = None
        if rng.random() < 0.15:
            thumbnail = next_id
            next_id += 1

        item = [
            "\t<item>\n",
            f"\t\t<title>{cdata(title) if ('&' in title or '<' in title) else esc(title)}</title>\n",
            f"\t\t<link>{link}</link>\n",
            f"\t\t<pubDate>{rfc822(gmt)}</pubDate>\n",
            f"\t\t<dc:creator>{cdata(author)}</dc:creator>\n",
            f'\t\t<guid isPermaLink="false">{SITE}/?p={post_id}</guid>\n',
            "\t\t<description></description>\n",
            f"\t\t<content:encoded>{cdata(body)}</content:encoded>\n",
            f"\t\t<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>\n",
            f"\t\t<wp:post_id>{post_id}</wp:post_id>\n",
            f"\t\t<wp:post_date>{cdata(wp_date(local))}</wp:post_date>\n",
            f"\t\t<wp:post_date_gmt>{cdata(gmt_text)}</wp:post_date_gmt>\n",
            f"\t\t<wp:post_modified>{cdata(wp_date(local))}</wp:post_modified>\n",
            f"\t\t<wp:post_modified_gmt>{cdata(wp_date(gmt))}</wp:post_modified_gmt>\n",
            f"\t\t<wp:comment_status>{cdata('closed' if rng.random() < 0.1 else 'open')}</wp:comment_status>\n",
            f"\t\t<wp:ping_status>{cdata('open')}</wp:ping_status>\n",
            f"\t\t<wp:post_name>{cdata('' if draft_like and rng.random() < 0.5 else slug)}</wp:post_name>\n",
            f"\t\t<wp:status>{cdata(status)}</wp:status>\n",
            "\t\t<wp:post_parent>0</wp:post_parent>\n",
            "\t\t<wp:menu_order>0</wp:menu_order>\n",
            f"\t\t<wp:post_type>{cdata('post')}</wp:post_type>\n",
            f"\t\t<wp:post_password>{cdata('')}</wp:post_password>\n",
            "\t\t<wp:is_sticky>0</wp:is_sticky>\n",
        ]
        for slug_, name in cats:
            item.append(f'\t\t<category domain="category" nicename="{esc(slug_)}">{cdata(name)}</category>\n')
        for slug_, name in post_tags:
            item.append(f'\t\t<category domain="post_tag" nicename="{esc(slug_)}">{cdata(name)}</category>\n')
        item.append(f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata('_edit_last')}</wp:meta_key>\n\t\t\t<wp:meta_value>{cdata('1')}</wp:meta_value>\n\t\t</wp:postmeta>\n")
        if thumbnail:
            item.append(f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata('_thumbnail_id')}</wp:meta_key>\n\t\t\t<wp:meta_value>{cdata(str(thumbnail))}</wp:meta_value>\n\t\t</wp:postmeta>\n")

        # Comments: written in order, except that a reply may name a comment written after it.
        k = comment_counts[i]
        ids = list(range(comment_id, comment_id + k))
        comment_id += k
        when = gmt
        for j, cid in enumerate(ids):
            when = when + dt.timedelta(seconds=rng.randrange(60, 3 * 86400 if j < 20 else 30 * 86400))
            pingback = rng.random() < 0.03
            parent = 0
            if not pingback and k > 1 and rng.random() < 0.34:
                if j > 0 and rng.random() < 0.85:
                    parent = ids[rng.randrange(j)]
                elif j < k - 1:
                    parent = ids[rng.randrange(j + 1, k)]
                    counts["replies_to_later"] += 1
                elif j > 0:
                    parent = ids[rng.randrange(j)]
                if parent:
                    counts["replies"] += 1
            approved = rng.choices(["1", "0", "spam", "trash"], weights=[86, 5, 6, 3])[0]
            counts["comments_by_status"][approved] = counts["comments_by_status"].get(approved, 0) + 1
            if pingback:
                counts["pingbacks"] += 1
                ptitle = prose.headline()
                name = f"Other Blog &raquo; {ptitle}"
                email, url, kind = "", f"https://blog{rng.randrange(500)}.example.net/{wp_slug(ptitle)}/", "pingback"
                content = f"[&#8230;] {prose.sentence(8, 20)} [&#8230;]"
            else:
                name = rng.choice(COMMENTERS)
                email = f"reader{rng.randrange(20000)}@mail.example"
                url = f"https://{wp_slug(name) or 'site'}.example.com/" if rng.random() < 0.2 else ""
                kind = "comment" if rng.random() < 0.5 else ""
                paragraphs = ["  ".join(prose.sentence(4, 20) for _ in range(rng.randint(1, 4))) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
                content = "\n\n".join(paragraphs)
                if rng.random() < 0.05:
                    content += f' See <a href="https://www.example.com/{rng.randrange(1000)}" rel="nofollow">this</a>.'
            ip = f"{rng.randrange(1, 224)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}" if rng.random() < 0.9 \
                else f"2001:db8::{rng.randrange(65536):x}"
            item.append(
                "\t\t<wp:comment>\n"
                f"\t\t\t<wp:comment_id>{cid}</wp:comment_id>\n"
                f"\t\t\t<wp:comment_author>{cdata(name)}</wp:comment_author>\n"
                f"\t\t\t<wp:comment_author_email>{cdata(email)}</wp:comment_author_email>\n"
                f"\t\t\t<wp:comment_author_url>{esc(url)}</wp:comment_author_url>\n"
                f"\t\t\t<wp:comment_author_IP>{cdata(ip)}</wp:comment_author_IP>\n"
                f"\t\t\t<wp:comment_date>{cdata(wp_date(when + LOCAL_OFFSET))}</wp:comment_date>\n"
                f"\t\t\t<wp:comment_date_gmt>{cdata(wp_date(when))}</wp:comment_date_gmt>\n"
                f"\t\t\t<wp:comment_content>{cdata(content)}</wp:comment_content>\n"
                f"\t\t\t<wp:comment_approved>{cdata(approved)}</wp:comment_approved>\n"
                f"\t\t\t<wp:comment_type>{cdata(kind)}</wp:comment_type>\n"
                f"\t\t\t<wp:comment_parent>{parent}</wp:comment_parent>\n"
                "\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n")
            if approved in ("1", "spam") and rng.random() < 0.3:
                item.append(
                    f"\t\t\t<wp:commentmeta>\n\t\t\t\t<wp:meta_key>{cdata('akismet_result')}</wp:meta_key>\n"
                    f"\t\t\t\t<wp:meta_value>{cdata('true' if approved == 'spam' else 'false')}</wp:meta_value>\n\t\t\t</wp:commentmeta>\n")
            item.append("\t\t</wp:comment>\n")
        item.append("\t</item>\n")
        w("".join(item))

        if thumbnail:
            # The featured image, an attachment item of its own, after its post.
            counts["attachments"] += 1
            url = f"{SITE}/wp-content/uploads/{local:%Y/%m}/lead-{post_id}.jpg"
            caption = prose.sentence(5, 12) + (f" Photo: {rng.choice(AUTHORS)[1]}" if rng.random() < 0.5 else "")
            w("\t<item>\n"
              f"\t\t<title>lead-{post_id}</title>\n"
              f"\t\t<link>{SITE}/{local:%Y/%m/%d}/{slug}/lead-{post_id}/</link>\n"
              f"\t\t<pubDate>{rfc822(gmt)}</pubDate>\n"
              f"\t\t<dc:creator>{cdata(author)}</dc:creator>\n"
              f'\t\t<guid isPermaLink="false">{url}</guid>\n'
              "\t\t<description></description>\n"
              f"\t\t<content:encoded>{cdata('')}</content:encoded>\n"
              f"\t\t<excerpt:encoded>{cdata(caption)}</excerpt:encoded>\n"
              f"\t\t<wp:post_id>{thumbnail}</wp:post_id>\n"
              f"\t\t<wp:post_date>{cdata(wp_date(local))}</wp:post_date>\n"
              f"\t\t<wp:post_date_gmt>{cdata(wp_date(gmt))}</wp:post_date_gmt>\n"
              f"\t\t<wp:comment_status>{cdata('open')}</wp:comment_status>\n"
              f"\t\t<wp:post_name>{cdata(f'lead-{post_id}')}</wp:post_name>\n"
              f"\t\t<wp:status>{cdata('inherit')}</wp:status>\n"
              f"\t\t<wp:post_parent>{post_id}</wp:post_parent>\n"
              f"\t\t<wp:post_type>{cdata('attachment')}</wp:post_type>\n"
              f"\t\t<wp:attachment_url>{cdata(url)}</wp:attachment_url>\n"
              + (f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata('_wp_attachment_image_alt')}</wp:meta_key>\n"
                 f"\t\t\t<wp:meta_value>{cdata(prose.sentence(3, 8))}</wp:meta_value>\n\t\t</wp:postmeta>\n" if rng.random() < 0.6 else "")
              + "\t</item>\n")

    w("</channel>\n</rss>\n")
    out.close()
    with open(args.out + ".counts.json", "w", encoding="utf-8") as f:
        json.dump(counts, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {args.out}: {n:,} posts ({counts['attachments']:,} featured images), {counts['comments']:,} comments "
          f"({counts['replies']:,} replies, {counts['replies_to_later']:,} to a later comment, {counts['pingbacks']:,} pingbacks), "
          f"{counts['words']:,} words of body text", file=sys.stderr)


if __name__ == "__main__":
    main()
