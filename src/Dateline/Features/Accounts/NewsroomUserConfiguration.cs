using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dateline.Features.Accounts;

internal sealed class NewsroomUserConfiguration : IEntityTypeConfiguration<NewsroomUser>
{
    public void Configure(EntityTypeBuilder<NewsroomUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
    }
}
