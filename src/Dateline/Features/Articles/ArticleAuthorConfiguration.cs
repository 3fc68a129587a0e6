using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dateline.Features.Articles;

internal sealed class ArticleAuthorConfiguration : IEntityTypeConfiguration<ArticleAuthor>
{
    public void Configure(EntityTypeBuilder<ArticleAuthor> builder)
    {
        builder.HasKey(aa => new { aa.ArticleId, aa.AuthorId });
        builder.HasIndex(aa => aa.AuthorId);
        builder.HasOne(aa => aa.Author).WithMany().HasForeignKey(aa => aa.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
