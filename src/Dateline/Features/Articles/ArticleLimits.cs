namespace Dateline.Features.Articles;

/// <summary>Field limits shared by the schema and validation, so that they cannot drift apart.</summary>
public static class ArticleLimits
{
    public const int Headline = 300;
    public const int Slug = 120;
    public const int Dek = 1000;
    public const int Dateline = 100;
    public const int Body = 500_000;
    public const int Url = 2000;
    public const int OriginalId = 300;
    public const int ImageText = 1000;
    public const int Credit = 300;
    public const int CreditLines = 20;
    public const int Note = 4000;
    public const int Name = 200;
    public const int People = 20;
    public const int Topics = 30;
}
