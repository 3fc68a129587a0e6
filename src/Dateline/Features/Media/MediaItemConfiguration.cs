using Dateline.Features.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dateline.Features.Media;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.Property(m => m.FileName).HasMaxLength(MediaLimits.FileName);
        builder.Property(m => m.ContentType).HasMaxLength(MediaLimits.ContentType);
        builder.Property(m => m.Alt).HasMaxLength(ArticleLimits.ImageText);
        builder.Property(m => m.Caption).HasMaxLength(ArticleLimits.ImageText);
        builder.Property(m => m.Credit).HasMaxLength(ArticleLimits.Credit);
        builder.Property(m => m.CreatedBy).HasMaxLength(100);
        builder.Property(m => m.StorageKey).HasMaxLength(MediaLimits.StorageKey);
        builder.Ignore(m => m.FullSize);

        builder.HasIndex(m => m.StorageKey).IsUnique();
        builder.HasIndex(m => m.CreatedAt);
        builder.Property(m => m.OriginalUrl).HasMaxLength(1000);
        builder.HasIndex(m => m.OriginalUrl).IsUnique();

        // A handful of copies read and written with their item, never queried alone: one JSON
        // column on either provider rather than a table and a join on every article page.
        builder.OwnsMany(m => m.Variants, variants =>
        {
            variants.ToJson();
            variants.Ignore(v => v.Url);
        });
    }
}
