namespace Dateline.Features.Articles;

public enum ArticleStatus
{
    Draft,
    Scheduled,
    Published,
}
