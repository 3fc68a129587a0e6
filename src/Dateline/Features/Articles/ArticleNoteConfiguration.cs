using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dateline.Features.Articles;

internal sealed class ArticleNoteConfiguration : IEntityTypeConfiguration<ArticleNote>
{
    public void Configure(EntityTypeBuilder<ArticleNote> builder)
    {
        builder.ToTable("ArticleNotes");
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Text).HasMaxLength(ArticleLimits.Note);
        builder.HasIndex(n => n.At);
    }
}
