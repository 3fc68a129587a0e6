using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Features.Authors;
using Dateline.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Accounts;

/// <summary>
/// Adds, changes and removes newsroom accounts, for the command line, the first-admin setup page
/// and the Users page alike. The site always keeps at least one admin.
/// </summary>
public sealed class NewsroomUsers(
    UserManager<NewsroomUser> users, RoleManager<IdentityRole> roles, DatelineDbContext db, TimeProvider time)
{
    /// <summary>Creates the account with its role and a byline of its own; returns what was wrong, by field.</summary>
    public async Task<FieldErrors> AddAsync(string? email, string? name, string role, string? password, CancellationToken ct) =>
        (await CreateAsync(email, name, role, password, passwordRequired: true, authorSlug: null, ct)).Errors;

    /// <summary>Creates an account without a password, which its owner chooses through a mailed link.</summary>
    public Task<(FieldErrors Errors, NewsroomUser? User)> AddWithoutPasswordAsync(string? email, string? name, string role, CancellationToken ct) =>
        CreateAsync(email, name, role, password: null, passwordRequired: false, authorSlug: null, ct);

    /// <summary>
    /// An account for an author an import brought in, linked to that author's byline: without a
    /// password, so that nobody can sign in as them until they set one through "Forgot your password?".
    /// </summary>
    public Task<(FieldErrors Errors, NewsroomUser? User)> AddForAuthorAsync(string? email, string? name, string role, string authorSlug, CancellationToken ct) =>
        CreateAsync(email, name, role, password: null, passwordRequired: false, authorSlug, ct);

    public async Task<AccountChange> ChangeRoleAsync(string id, string role, CancellationToken ct)
    {
        if (!Roles.IsKnown(role))
        {
            return AccountChange.UnknownRole;
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return AccountChange.NotFound;
        }

        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role)
        {
            return AccountChange.Done;
        }

        if (role != Roles.Admin && current.Contains(Roles.Admin) && await IsLastAdminAsync())
        {
            return AccountChange.LastAdmin;
        }

        await EnsureRoleAsync(role);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Require(await users.RemoveFromRolesAsync(user, current));
        Require(await users.AddToRoleAsync(user, role));
        // Signed-in browsers carry the role in their cookie; a new stamp makes them sign in again.
        Require(await users.UpdateSecurityStampAsync(user));
        await transaction.CommitAsync(ct);
        return AccountChange.Done;
    }

    /// <summary>Ends a lockout after failed sign-ins, and forgets the failures.</summary>
    public async Task<AccountChange> UnlockAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return AccountChange.NotFound;
        }

        Require(await users.SetLockoutEndDateAsync(user, null));
        Require(await users.ResetAccessFailedCountAsync(user));
        return AccountChange.Done;
    }

    /// <summary>Removes the account. Its byline stays, with the articles that carry it, no longer linked to anyone.</summary>
    public async Task<AccountChange> RemoveAsync(string id, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return AccountChange.NotFound;
        }

        if (await users.IsInRoleAsync(user, Roles.Admin) && await IsLastAdminAsync())
        {
            return AccountChange.LastAdmin;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Authors.Where(a => a.UserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, (string?)null), ct);
        Require(await users.DeleteAsync(user));
        await transaction.CommitAsync(ct);
        return AccountChange.Done;
    }

    private async Task<bool> IsLastAdminAsync() => (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1;

    private async Task<(FieldErrors Errors, NewsroomUser? User)> CreateAsync(
        string? email, string? name, string role, string? password, bool passwordRequired, string? authorSlug, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var checkedName = TextRules.Check(name, "name", ArticleLimits.Name, errors, required: true);
        var checkedEmail = TextRules.Check(email, "email", 256, errors, required: true);
        if (!Roles.IsKnown(role))
        {
            errors.Add("role", $"Must be one of {string.Join(", ", Roles.All)}.");
        }

        if (passwordRequired && string.IsNullOrEmpty(password))
        {
            errors.Add("password", "Required.");
        }

        if (checkedEmail is not null && !errors.Has("email") && await users.FindByEmailAsync(checkedEmail) is not null)
        {
            errors.Add("email", $"A user with the e-mail {checkedEmail} already exists.");
        }

        if (!errors.IsEmpty)
        {
            return (errors, null);
        }

        await EnsureRoleAsync(role);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new NewsroomUser
        {
            UserName = checkedEmail,
            Email = checkedEmail,
            EmailConfirmed = true,
            DisplayName = checkedName!,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (Collect(created, errors) && Collect(await users.AddToRoleAsync(user, role), errors))
        {
            await AddBylineAsync(user, authorSlug, ct);
            await transaction.CommitAsync(ct);
            return (errors, user);
        }

        return (errors, null);
    }

    private async Task EnsureRoleAsync(string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
    }

    // Staff who write get a byline of their own, linked to the account.
    private async Task AddBylineAsync(NewsroomUser user, string? authorSlug, CancellationToken ct)
    {
        var slug = authorSlug ?? (SlugGenerator.Generate(user.DisplayName) is { Length: > 0 } s ? s : "author");
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

    // Identity refuses these only for reasons that are bugs here (a concurrent edit of the same row).
    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
