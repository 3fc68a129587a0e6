using Dateline.Features.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dateline.Features.Topics;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(ArticleLimits.Name);
        builder.Property(t => t.Slug).HasMaxLength(ArticleLimits.Slug);
        builder.Property(t => t.Description).HasMaxLength(4000);
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}
