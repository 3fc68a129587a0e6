namespace Dateline.Features.Import.Wxr;

/// <summary>What an import did, counted, and each item it could not take with the reason.</summary>
public sealed class WxrImportReport
{
    public int AuthorsAdded { get; set; }
    public int AccountsAdded { get; set; }

    /// <summary>Authors the file gives no e-mail address for, who get a byline but no account.</summary>
    public int AuthorsWithoutAccount { get; set; }
    public int ArticlesAdded { get; set; }
    public int ArticlesUpdated { get; set; }
    public int ArticlesUnchanged { get; set; }
    public Dictionary<string, int> ArticlesByStatus { get; } = new(StringComparer.Ordinal);
    public int CommentsAdded { get; set; }
    public int CommentsUpdated { get; set; }
    public int CommentsUnchanged { get; set; }
    public Dictionary<string, int> CommentsByStatus { get; } = new(StringComparer.Ordinal);
    public int OldAddresses { get; set; }
    public int MediaAdded { get; set; }
    public int MediaUnchanged { get; set; }

    /// <summary>Attachments whose file is not in the media folder; they keep their old URL.</summary>
    public int MediaMissing { get; set; }

    /// <summary>Files the media library would not take (not an image, too large); they keep their old URL.</summary>
    public int MediaRefused { get; set; }

    public int PagesAdded { get; set; }
    public int PagesUpdated { get; set; }
    public int PagesUnchanged { get; set; }

    /// <summary>Items of kinds Dateline does not import (yet), by WordPress post type.</summary>
    public Dictionary<string, int> NotImported { get; } = new(StringComparer.Ordinal);

    public List<string> Problems { get; } = [];

    public static void Count(Dictionary<string, int> counts, string key)
    {
        ArgumentNullException.ThrowIfNull(counts);
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
