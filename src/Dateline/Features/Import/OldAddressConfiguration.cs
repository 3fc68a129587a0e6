using Dateline.Features.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dateline.Features.Import;

internal sealed class OldAddressConfiguration : IEntityTypeConfiguration<OldAddress>
{
    public void Configure(EntityTypeBuilder<OldAddress> builder)
    {
        builder.Property(a => a.Path).HasMaxLength(OldAddress.MaxPath);
        builder.HasIndex(a => a.Path).IsUnique();
        builder.HasOne<Article>().WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
