using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dateline.Features.Comments;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Reason).HasMaxLength(200);
        builder.Property(c => c.AuthorName).HasMaxLength(245);
        builder.Property(c => c.AuthorEmail).HasMaxLength(100);
        builder.Property(c => c.AuthorUrl).HasMaxLength(200);
        builder.Property(c => c.AuthorIp).HasMaxLength(45);
        builder.Property(c => c.UserAgent).HasMaxLength(500);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.Body).HasMaxLength(20_000);
        builder.Property(c => c.OriginalId).HasMaxLength(100);
        builder.Property(c => c.CommenterKey).HasMaxLength(64);
        builder.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ArticleId, c.Status, c.CreatedAt });
        builder.HasIndex(c => new { c.Status, c.CreatedAt });
        builder.HasIndex(c => new { c.AuthorEmail, c.Status });
        builder.HasIndex(c => new { c.AuthorIp, c.CreatedAt });
    }
}
