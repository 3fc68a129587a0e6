#!/usr/bin/env python3
"""Writes the site bench/run.sh serves, for Dateline and for the WordPress reference.

    python3 bench/site-generate.py SITE.xml ARTICLE.json [--posts 1000] [--topics 50] [--seed 7]

SITE.xml is a WordPress export (WXR 1.2) of N published posts by 5 authors, each in one of 8
categories (Dateline's sections) and tagged with one to three of M tags (Dateline's topics), dated over the two years before 2026-11-20, with prose from
bench/wxr-generate.py's generator. The newest post, the one the benchmark reads, carries 500
approved comments: 100 conversations, each a chain of four replies (five levels deep, the
deepest both products show by default). ARTICLE.json is that post and its comments in the form
bench/wordpress.sh loads into WordPress, so that both sites serve the same article. Times are
GMT on both sides, so the two addresses carry the same date. Same arguments, same output.
"""
import argparse
import datetime as dt
import importlib.util
import json
import pathlib
import random

_spec = importlib.util.spec_from_file_location("wxr_generate", pathlib.Path(__file__).with_name("wxr-generate.py"))
wxr = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wxr)
cdata, esc, wp_slug, wp_date, rfc822 = wxr.cdata, wxr.esc, wxr.wp_slug, wxr.wp_date, wxr.rfc822
SITE = wxr.SITE

THREADS, REPLIES_PER_THREAD = 100, 4
NEWEST = dt.datetime(2026, 11, 20, 9, 0, 0)


def comment_text(prose, rng):
    paragraphs = ["  ".join(prose.sentence(4, 20) for _ in range(rng.randint(1, 3))) for _ in range(rng.choice([1, 1, 2]))]
    return "\n\n".join(paragraphs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wxr")
    ap.add_argument("article")
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--topics", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    prose = wxr.Prose(rng)

    names = list(wxr.CATEGORIES[1:])
    while len(names) < args.topics:
        name = " ".join(prose.words(rng.randint(1, 2))).title()
        if name not in names:
            names.append(name)
    topics = [(wp_slug(name), name) for name in names[: args.topics]]
    sections = [(wp_slug(name), name) for name in wxr.CATEGORIES[1:9]]

    out = open(args.wxr, "w", encoding="utf-8", newline="\n")
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8" ?>\n'
      '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
      'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
      f"\t<title>The Bench Courier</title>\n\t<link>{SITE}</link>\n\t<description>News from a made-up town</description>\n"
      f"\t<language>en-US</language>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n"
      f"\t<wp:base_site_url>{SITE}</wp:base_site_url>\n\t<wp:base_blog_url>{SITE}</wp:base_blog_url>\n")
    for i, (login, display, first, last, email) in enumerate(wxr.AUTHORS, start=1):
        w(f"\t<wp:author><wp:author_id>{i}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>"
          f"<wp:author_email>{cdata(email)}</wp:author_email><wp:author_display_name>{cdata(display)}</wp:author_display_name>"
          f"<wp:author_first_name>{cdata(first)}</wp:author_first_name><wp:author_last_name>{cdata(last)}</wp:author_last_name></wp:author>\n")
    for i, (slug, name) in enumerate(sections, start=1):
        w(f"\t<wp:category><wp:term_id>{i}</wp:term_id><wp:category_nicename>{cdata(slug)}</wp:category_nicename>"
          f"<wp:category_parent>{cdata('')}</wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n")
    for i, (slug, name) in enumerate(topics, start=len(sections) + 1):
        w(f"\t<wp:tag><wp:term_id>{i}</wp:term_id><wp:tag_slug>{cdata(slug)}</wp:tag_slug><wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>\n")

    slugs = set()
    featured = None
    for i in range(args.posts):
        post_id = i + 1
        newest = i == args.posts - 1
        gmt = NEWEST if newest else NEWEST - dt.timedelta(days=730) + dt.timedelta(seconds=int(730 * 86400 * (i + rng.random()) / args.posts))
        title = prose.headline()
        slug = wp_slug(title)[:60].rstrip("-")
        while slug in slugs:
            slug = f"{slug}-{rng.randint(2, 9)}"
        slugs.add(slug)
        body, _ = prose.body(post_id, gmt)
        excerpt = prose.sentence(12, 30)
        author = rng.choices(wxr.AUTHORS, weights=[5, 4, 3, 2, 1])[0]
        section = rng.choice(sections)
        tags = rng.sample(topics, rng.choice([1, 2, 2, 3]))
        item = [
            "\t<item>\n",
            f"\t\t<title>{cdata(title)}</title>\n",
            f"\t\t<link>{SITE}/{gmt:%Y/%m/%d}/{slug}/</link>\n",
            f"\t\t<pubDate>{rfc822(gmt)}</pubDate>\n",
            f"\t\t<dc:creator>{cdata(author[0])}</dc:creator>\n",
            f'\t\t<guid isPermaLink="false">{SITE}/?p={post_id}</guid>\n',
            f"\t\t<content:encoded>{cdata(body)}</content:encoded>\n",
            f"\t\t<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>\n",
            f"\t\t<wp:post_id>{post_id}</wp:post_id>\n",
            f"\t\t<wp:post_date>{cdata(wp_date(gmt))}</wp:post_date>\n",
            f"\t\t<wp:post_date_gmt>{cdata(wp_date(gmt))}</wp:post_date_gmt>\n",
            f"\t\t<wp:comment_status>{cdata('open')}</wp:comment_status>\n",
            f"\t\t<wp:post_name>{cdata(slug)}</wp:post_name>\n",
            f"\t\t<wp:status>{cdata('publish')}</wp:status>\n",
            f"\t\t<wp:post_type>{cdata('post')}</wp:post_type>\n",
        ]
        item.append(f'\t\t<category domain="category" nicename="{esc(section[0])}">{cdata(section[1])}</category>\n')
        for tslug, name in tags:
            item.append(f'\t\t<category domain="post_tag" nicename="{esc(tslug)}">{cdata(name)}</category>\n')
        if newest:
            comments = []
            when = gmt
            cid = 0
            for thread in range(THREADS):
                parent = 0
                for _ in range(REPLIES_PER_THREAD + 1):
                    cid += 1
                    when += dt.timedelta(seconds=rng.randrange(30, 900))
                    name = rng.choice(wxr.COMMENTERS)
                    comments.append({
                        "id": cid, "parent": parent, "author": name,
                        "email": f"reader{rng.randrange(20000)}@mail.example", "date_gmt": wp_date(when),
                        "content": comment_text(prose, rng),
                    })
                    parent = cid
            for c in comments:
                item.append(
                    "\t\t<wp:comment>\n"
                    f"\t\t\t<wp:comment_id>{c['id']}</wp:comment_id>\n"
                    f"\t\t\t<wp:comment_author>{cdata(c['author'])}</wp:comment_author>\n"
                    f"\t\t\t<wp:comment_author_email>{cdata(c['email'])}</wp:comment_author_email>\n"
                    "\t\t\t<wp:comment_author_url></wp:comment_author_url>\n"
                    f"\t\t\t<wp:comment_author_IP>{cdata('192.0.2.' + str(c['id'] % 250 + 1))}</wp:comment_author_IP>\n"
                    f"\t\t\t<wp:comment_date>{cdata(c['date_gmt'])}</wp:comment_date>\n"
                    f"\t\t\t<wp:comment_date_gmt>{cdata(c['date_gmt'])}</wp:comment_date_gmt>\n"
                    f"\t\t\t<wp:comment_content>{cdata(c['content'])}</wp:comment_content>\n"
                    f"\t\t\t<wp:comment_approved>{cdata('1')}</wp:comment_approved>\n"
                    f"\t\t\t<wp:comment_type>{cdata('comment')}</wp:comment_type>\n"
                    f"\t\t\t<wp:comment_parent>{c['parent']}</wp:comment_parent>\n"
                    "\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n"
                    "\t\t</wp:comment>\n")
            featured = {
                "title": title, "slug": slug, "date_gmt": wp_date(gmt), "author": author[1], "excerpt": excerpt,
                "category": section[1], "content": body, "comments": comments,
            }
        item.append("\t</item>\n")
        w("".join(item))
    w("</channel>\n</rss>\n")
    out.close()
    with open(args.article, "w", encoding="utf-8") as f:
        json.dump(featured, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
