namespace Dateline.Features.Articles.Revisions;

/// <summary>One save of an article: who saved it, when, and what its editable fields were after it.</summary>
public sealed class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }

    /// <summary>1, 2, 3… within its article, in the order of the saves.</summary>
    public int Number { get; set; }

    public DateTime SavedAt { get; set; }

    /// <summary>The principal that saved ("user:…", "key:…", "system:scheduler").</summary>
    public required string SavedBy { get; set; }

    /// <summary>What this save changed, in one line, written when it was saved.</summary>
    public required string Summary { get; set; }

    /// <summary>The revision whose content this save brought back, when it was a restore.</summary>
    public int? RestoredFrom { get; set; }

    public required ArticleSnapshot Snapshot { get; set; }
}
