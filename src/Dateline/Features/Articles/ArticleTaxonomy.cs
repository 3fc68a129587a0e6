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
    public async Task<List<Author>> AuthorsAsync(IReadOnlyList<NameInput> names, CancellationToken ct)
    {
        var result = new List<Author>();
        foreach (var name in names)
        {
            var slug = name.Slug ?? SlugOf(name.Name, "author");
            var author = db.Authors.Local.FirstOrDefault(a => a.Slug == slug)
                ?? await db.Authors.FirstOrDefaultAsync(a => a.Slug == slug, ct);
            if (author is null && name.Slug is null)
            {
                author = await db.Authors.FirstOrDefaultAsync(a => a.Name == name.Name, ct);
            }

            if (author is null)
            {
                author = new Author { Name = name.Name, Slug = slug };
                db.Authors.Add(author);
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
            var topic = db.Topics.Local.FirstOrDefault(t => t.Slug == slug)
                ?? await db.Topics.FirstOrDefaultAsync(t => t.Slug == slug, ct);
            if (topic is null)
            {
                topic = new Topic { Name = name.Name, Slug = slug };
                db.Topics.Add(topic);
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
        var section = db.Sections.Local.FirstOrDefault(s => s.Slug == slug)
            ?? await db.Sections.FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (section is null)
        {
            section = new Section { Name = name, Slug = slug };
            db.Sections.Add(section);
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
