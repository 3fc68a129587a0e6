namespace Dateline.Features.Articles.Revisions;

public enum RevisionOutcome
{
    Found,
    NotFound,
    Forbidden,
}
