namespace Dateline.Features.Import.Disqus;

/// <summary>What a Disqus import did, counted, with the threads that matched no article and every item skipped.</summary>
public sealed class DisqusImportReport
{
    public int Threads { get; set; }
    public int ThreadsMatched { get; set; }
    public int CommentsAdded { get; set; }
    public int CommentsUpdated { get; set; }
    public int CommentsUnchanged { get; set; }
    public Dictionary<string, int> CommentsByStatus { get; } = new(StringComparer.Ordinal);

    /// <summary>Posts left out because Disqus had deleted their whole thread.</summary>
    public int InDeletedThreads { get; set; }

    /// <summary>Threads with comments that no article answers to, with how many comments each holds.</summary>
    public List<UnmatchedThread> Unmatched { get; } = [];

    public List<string> Problems { get; } = [];

    public sealed record UnmatchedThread(string Id, string? Identifier, string? Link, string? Title, int Comments);
}
