namespace Dateline.Features.Articles.Revisions;

/// <summary>What a revision read found, or why it found nothing (the message says which article or revision).</summary>
public sealed record RevisionResult<T>(RevisionOutcome Outcome, T? Value = default, string? Message = null)
    where T : class;
