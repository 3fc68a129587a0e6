using Dateline.Features.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dateline.Features.Topics;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(ArticleLimits.Name);
        builder.Property(s => s.Slug).HasMaxLength(ArticleLimits.Slug);
        builder.HasIndex(s => s.Slug).IsUnique();
    }
}
