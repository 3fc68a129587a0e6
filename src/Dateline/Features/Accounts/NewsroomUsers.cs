using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Features.Authors;
using Dateline.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Accounts;

/// <summary>Adds newsroom accounts, for the command line and the first-admin setup page alike.</summary>
public sealed class NewsroomUsers(
    UserManager<NewsroomUser> users, RoleManager<IdentityRole> roles, DatelineDbContext db, TimeProvider time)
{
    /// <summary>Creates the account with its role and a byline of its own; returns what was wrong, by field.</summary>
    public async Task<FieldErrors> AddAsync(string? email, string? name, string role, string? password, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var checkedName = TextRules.Check(name, "name", ArticleLimits.Name, errors, required: true);
        var checkedEmail = TextRules.Check(email, "email", 256, errors, required: true);
        if (!Roles.IsKnown(role))
        {
            errors.Add("role", $"Must be one of {string.Join(", ", Roles.All)}.");
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "Required.");
        }

        if (checkedEmail is not null && !errors.Has("email") && await users.FindByEmailAsync(checkedEmail) is not null)
        {
            errors.Add("email", $"A user with the e-mail {checkedEmail} already exists.");
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new NewsroomUser
        {
            UserName = checkedEmail,
            Email = checkedEmail,
            EmailConfirmed = true,
            DisplayName = checkedName!,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        if (Collect(await users.CreateAsync(user, password!), errors) && Collect(await users.AddToRoleAsync(user, role), errors))
        {
            await AddBylineAsync(user, ct);
            await transaction.CommitAsync(ct);
        }

        return errors;
    }

    // Staff who write get a byline of their own, linked to the account.
    private async Task AddBylineAsync(NewsroomUser user, CancellationToken ct)
    {
        var slug = SlugGenerator.Generate(user.DisplayName) is { Length: > 0 } s ? s : "author";
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Slug == slug && a.UserId == null, ct);
        if (author is null)
        {
            var taken = await db.Authors.AnyAsync(a => a.Slug == slug, ct);
            db.Authors.Add(new Author { Name = user.DisplayName, Slug = taken ? $"{slug}-{user.Id[..8]}" : slug, UserId = user.Id });
        }
        else
        {
            author.UserId = user.Id;
        }

        await db.SaveChangesAsync(ct);
    }

    private static bool Collect(IdentityResult result, FieldErrors errors)
    {
        foreach (var error in result.Errors)
        {
            errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
        }

        return result.Succeeded;
    }
}
