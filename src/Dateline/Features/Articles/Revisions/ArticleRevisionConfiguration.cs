using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dateline.Features.Articles.Revisions;

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.Property(r => r.SavedBy).HasMaxLength(100);
        builder.Property(r => r.Summary).HasMaxLength(RevisionSummary.MaxLength);

        // JSON in a text column reads and writes the same on SQLite and PostgreSQL, and a snapshot
        // is only ever read whole. Snapshots are immutable records, so reference equality is enough
        // for change tracking.
        builder.Property(r => r.Snapshot)
            .HasConversion(s => ArticleSnapshotJson.Write(s), json => ArticleSnapshotJson.Read(json),
                new ValueComparer<ArticleSnapshot>((a, b) => ReferenceEquals(a, b), s => s.GetHashCode(), s => s));

        builder.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
