using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dateline.Features.StaticPages;

internal sealed class StaticPageConfiguration : IEntityTypeConfiguration<StaticPage>
{
    public void Configure(EntityTypeBuilder<StaticPage> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(StaticPage.MaxTitle);
        builder.Property(p => p.Path).HasMaxLength(StaticPage.MaxPath);
        builder.HasIndex(p => p.Path).IsUnique();
        builder.Property(p => p.OriginalId).HasMaxLength(300);
        builder.HasIndex(p => p.OriginalId).IsUnique();
    }
}
