using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dateline.Features.Comments;

internal sealed class ReplySubscriptionConfiguration : IEntityTypeConfiguration<ReplySubscription>
{
    public void Configure(EntityTypeBuilder<ReplySubscription> builder)
    {
        builder.HasIndex(s => s.CommentId).IsUnique();
        builder.HasOne<Comment>().WithMany().HasForeignKey(s => s.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
