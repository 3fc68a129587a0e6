using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dateline.Features.Articles;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Headline).HasMaxLength(ArticleLimits.Headline);
        builder.Property(a => a.Slug).HasMaxLength(ArticleLimits.Slug);
        builder.Property(a => a.Dek).HasMaxLength(ArticleLimits.Dek);
        builder.Property(a => a.Dateline).HasMaxLength(ArticleLimits.Dateline);
        builder.Property(a => a.OriginalUrl).HasMaxLength(ArticleLimits.Url);
        builder.Property(a => a.OriginalId).HasMaxLength(ArticleLimits.OriginalId);
        builder.Property(a => a.CreatedBy).HasMaxLength(100);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Version).IsConcurrencyToken();
        // EF's own comparer for a list of strings builds a comparer for its elements on every
        // compare and snapshot (an EF 9 regression), which made a tenth of a large import's time.
        builder.Property(a => a.Credits).Metadata.SetValueComparer(new ValueComparer<List<string>>(
            (a, b) => SameCredits(a, b), list => CreditsHash(list), list => CopyCredits(list)));

        builder.HasIndex(a => new { a.PathDate, a.Slug }).IsUnique();
        builder.HasIndex(a => new { a.Status, a.PublishedAt });
        // Lists, newest first: in their order (ties by id) and with what the reader's rule checks,
        // so that a page is read from the index with no sort, and an offset is counted in the
        // index alone. With the index above, the rule's two statuses were two ranges, merged by
        // sorting every published article for each page.
        builder.HasIndex(a => new { a.PublishedAt, a.Id, a.Status, a.PathDate }).HasDatabaseName("IX_Articles_NewestFirst");
        builder.HasIndex(a => a.OriginalUrl);
        builder.HasIndex(a => a.OriginalId).IsUnique();

        builder.OwnsOne(a => a.Image, image =>
        {
            image.Property(i => i.Url).HasMaxLength(ArticleLimits.Url).HasColumnName("ImageUrl");
            image.Property(i => i.Alt).HasMaxLength(ArticleLimits.ImageText).HasColumnName("ImageAlt");
            image.Property(i => i.Caption).HasMaxLength(ArticleLimits.ImageText).HasColumnName("ImageCaption");
            image.Property(i => i.Credit).HasMaxLength(ArticleLimits.Credit).HasColumnName("ImageCredit");
            image.Property(i => i.Width).HasColumnName("ImageWidth");
            image.Property(i => i.Height).HasColumnName("ImageHeight");
            image.Property(i => i.MediaId).HasColumnName("ImageMediaId");
            // A media item in use cannot go: its files are what the article shows.
            image.HasOne(i => i.Media).WithMany().HasForeignKey(i => i.MediaId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.HasMany(a => a.Authors).WithOne().HasForeignKey(aa => aa.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Topics).WithMany(t => t.Articles).UsingEntity("ArticleTopic");
        builder.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Corrections).WithOne().HasForeignKey(n => n.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Comments).WithOne().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }

    // Internal, not private: the compiled models (Data/CompiledModels) call these three.
    internal static bool SameCredits(List<string>? a, List<string>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b, StringComparer.Ordinal);

    internal static int CreditsHash(List<string> list)
    {
        var hash = new HashCode();
        foreach (var credit in list)
        {
            hash.Add(credit, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    internal static List<string> CopyCredits(List<string> list) => [.. list];
}
