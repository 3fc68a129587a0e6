using Dateline.Data;
using Dateline.Features.Authors;
using Dateline.Features.Topics;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Articles;

/// <summary>
/// Finds the authors, topics and sections an input names, creating the missing ones, as WordPress
/// creates tags on the fly. New rows join the caller's unit of work and are saved with the article.
/// </summary>
internal sealed class ArticleTaxonomy(DatelineDbContext db)
{
    // Filled by PreloadAsync, for a caller that adds many articles in one unit of work: every
    // author, topic and section is then found here instead of by a query per name (and a scan of
    // the change tracker, which grows with each article added).
    private Dictionary<string, Author>? authorsBySlug;
    private Dictionary<string, Author>? authorsByName;
    private Dictionary<string, Topic>? topicsBySlug;
    private Dictionary<string, Section>? sectionsBySlug;
    private readonly List<object> created = [];

    /// <summary>How many rows this taxonomy has created so far, to take back with <see cref="ForgetSince"/>.</summary>
    public int Created => created.Count;

    /// <summary>Takes back the rows created since <paramref name="mark"/>: the article that named them was refused.</summary>
    public void ForgetSince(int mark)
    {
        foreach (var row in created.Skip(mark))
        {
            db.Entry(row).State = EntityState.Detached;
            switch (row)
            {
                case Author a:
                    Forget(authorsBySlug, a.Slug, a);
                    Forget(authorsByName, a.Name, a);
                    break;
                case Topic t:
                    Forget(topicsBySlug, t.Slug, t);
                    break;
                case Section s:
                    Forget(sectionsBySlug, s.Slug, s);
                    break;
            }
        }

        created.RemoveRange(mark, created.Count - mark);
    }

    private static void Forget<T>(Dictionary<string, T>? map, string key, T row) where T : class
    {
        if (map is not null && map.TryGetValue(key, out var found) && ReferenceEquals(found, row))
        {
            map.Remove(key);
        }
    }

    /// <summary>A taxonomy that has read every author, topic and section, tracked, into memory.</summary>
    public static async Task<ArticleTaxonomy> PreloadAsync(DatelineDbContext db, CancellationToken ct)
    {
        var taxonomy = new ArticleTaxonomy(db) { authorsBySlug = new(StringComparer.Ordinal), authorsByName = new(StringComparer.Ordinal) };
        foreach (var author in await db.Authors.OrderBy(a => a.Id).ToListAsync(ct))
        {
            taxonomy.authorsBySlug.TryAdd(author.Slug, author);
            // The database would find the first of two authors with one name; so does this.
            taxonomy.authorsByName.TryAdd(author.Name, author);
        }

        taxonomy.topicsBySlug = await db.Topics.ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, ct);
        taxonomy.sectionsBySlug = await db.Sections.ToDictionaryAsync(s => s.Slug, StringComparer.Ordinal, ct);
        return taxonomy;
    }

    public async Task<List<Author>> AuthorsAsync(IReadOnlyList<NameInput> names, CancellationToken ct)
    {
        var result = new List<Author>();
        foreach (var name in names)
        {
            var slug = name.Slug ?? SlugOf(name.Name, "author");
            Author? author;
            if (authorsBySlug is not null && authorsByName is not null)
            {
                author = authorsBySlug.GetValueOrDefault(slug) ?? (name.Slug is null ? authorsByName.GetValueOrDefault(name.Name) : null);
            }
            else
            {
                author = db.Authors.Local.FirstOrDefault(a => a.Slug == slug)
                    ?? await db.Authors.FirstOrDefaultAsync(a => a.Slug == slug, ct);
                if (author is null && name.Slug is null)
                {
                    author = await db.Authors.FirstOrDefaultAsync(a => a.Name == name.Name, ct);
                }
            }

            if (author is null)
            {
                author = new Author { Name = name.Name, Slug = slug };
                db.Authors.Add(author);
                created.Add(author);
                authorsBySlug?.TryAdd(author.Slug, author);
                authorsByName?.TryAdd(author.Name, author);
            }

            // "José Ruiz" and "Jose Ruiz" are one byline, not two.
            if (!result.Contains(author))
            {
                result.Add(author);
            }
        }

        return result;
    }

    public async Task<List<Topic>> TopicsAsync(IReadOnlyList<NameInput> names, CancellationToken ct)
    {
        var result = new List<Topic>();
        foreach (var name in names)
        {
            var slug = name.Slug ?? SlugOf(name.Name, "topic");
            var topic = topicsBySlug is not null ? topicsBySlug.GetValueOrDefault(slug)
                : db.Topics.Local.FirstOrDefault(t => t.Slug == slug) ?? await db.Topics.FirstOrDefaultAsync(t => t.Slug == slug, ct);
            if (topic is null)
            {
                topic = new Topic { Name = name.Name, Slug = slug };
                db.Topics.Add(topic);
                created.Add(topic);
                topicsBySlug?.Add(slug, topic);
            }

            if (result.All(t => t.Slug != topic.Slug))
            {
                result.Add(topic);
            }
        }

        return result;
    }

    public async Task<Section> SectionAsync(string name, CancellationToken ct)
    {
        var slug = SlugOf(name, "section");
        var section = sectionsBySlug is not null ? sectionsBySlug.GetValueOrDefault(slug)
            : db.Sections.Local.FirstOrDefault(s => s.Slug == slug) ?? await db.Sections.FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (section is null)
        {
            section = new Section { Name = name, Slug = slug };
            db.Sections.Add(section);
            created.Add(section);
            sectionsBySlug?.Add(slug, section);
        }

        return section;
    }

    // A name of punctuation alone ("???") still needs a slug.
    private static string SlugOf(string name, string fallback)
    {
        var slug = SlugGenerator.Generate(name);
        return slug.Length > 0 ? slug : fallback;
    }
}
