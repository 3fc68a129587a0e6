using Microsoft.AspNetCore.Identity;

namespace Dateline.Features.Accounts;

public sealed class NewsroomUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
