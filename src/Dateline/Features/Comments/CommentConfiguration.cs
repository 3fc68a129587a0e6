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
        // A thread in thread order (CreatedAt, then Id), with what counting a comment's page
        // needs (CommentPages): read in index order with no sort, and counted from the index
        // alone. SQLite's planner also
        // picks it when its statistics are stale, where with the index above it scanned and sorted
        // the whole table (see docs/performance.md).
        builder.HasIndex(c => new { c.ArticleId, c.CreatedAt, c.Id, c.ParentId, c.Status }).HasDatabaseName("IX_Comments_Thread");
        builder.HasIndex(c => new { c.Status, c.CreatedAt });
        builder.HasIndex(c => new { c.AuthorEmail, c.Status });
        builder.HasIndex(c => new { c.AuthorIp, c.CreatedAt });
    }
}
