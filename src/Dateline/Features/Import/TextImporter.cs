using Dateline.Features.Accounts;
using Dateline.Features.Articles;
using Dateline.Web;

namespace Dateline.Features.Import;

/// <summary>Turns a pasted plain-text story into a draft, through the same editor as the API.</summary>
public sealed class TextImporter(ArticleEditor editor)
{
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The actor imports run as: the command line has the machine's trust, like an admin.</summary>
    public static readonly Actor CommandLine = new("cli:import", Roles.Admin);

    public async Task<TextImportResult> ImportAsync(string text, Actor actor, CancellationToken ct)
    {
        var parsed = PlainTextArticleParser.Parse(text);
        var input = new ArticleInput
        {
            Headline = parsed.Headline,
            Dek = parsed.Dek,
            Dateline = parsed.Dateline,
            BodyMarkdown = parsed.BodyMarkdown,
            Authors = parsed.Authors.Select(a => new NameInput(a)).ToList(),
            Credits = parsed.Credits.ToList(),
            Status = ArticleStatus.Draft,
        };
        if (parsed.ImageCaption is not null || parsed.ImageCredit is not null)
        {
            input.Image = new ImageInput(null, null, parsed.ImageCaption, parsed.ImageCredit, null, null);
        }

        var result = await editor.CreateAsync(input, actor, ct);
        return new TextImportResult(result, parsed);
    }
}
