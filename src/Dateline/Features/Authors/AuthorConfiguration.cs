using Dateline.Features.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dateline.Features.Authors;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(ArticleLimits.Name);
        builder.Property(a => a.Slug).HasMaxLength(ArticleLimits.Slug);
        builder.Property(a => a.Bio).HasMaxLength(4000);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasIndex(a => a.Slug).IsUnique();
    }
}
