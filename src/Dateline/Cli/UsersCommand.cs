using System.CommandLine;
using System.Text;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Articles;
using Dateline.Features.Authors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Cli;

internal static class UsersCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Sign-in e-mail address", Required = true };
        var name = new Option<string>("--name") { Description = "Name shown in bylines", Required = true };
        var role = RoleOption();
        var data = CommonOptions.Data();
        var add = new Command("add", "Add a newsroom user; the password is read from standard input.") { email, name, role, data };
        add.SetAction(async (parse, ct) =>
        {
            var password = ReadPassword();
            using var host = await CliHost.StartAsync(CommonOptions.Overrides(parse, data), ct);
            await AddAsync(host.Services, parse.GetRequiredValue(email).Trim(), parse.GetRequiredValue(name).Trim(), parse.GetRequiredValue(role), password, ct);
            Console.WriteLine($"Added {parse.GetRequiredValue(email).Trim()} as {parse.GetRequiredValue(role)}.");
            return 0;
        });
        return new Command("users", "Manage newsroom users.") { add };
    }

    public static Option<string> RoleOption()
    {
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        return role;
    }

    private static async Task AddAsync(IServiceProvider services, string email, string name, string role, string password, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        if (name.Length == 0)
        {
            throw new UserErrorException("--name must not be empty.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new UserErrorException($"a user with the e-mail {email} already exists.");
        }

        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new NewsroomUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));

        // Staff who write get a byline of their own, linked to the account.
        var slug = SlugGenerator.Generate(name) is { Length: > 0 } s ? s : "author";
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Slug == slug && a.UserId == null, ct);
        if (author is null)
        {
            var taken = await db.Authors.AnyAsync(a => a.Slug == slug, ct);
            db.Authors.Add(new Author { Name = name, Slug = taken ? $"{slug}-{user.Id[..8]}" : slug, UserId = user.Id });
        }
        else
        {
            author.UserId = user.Id;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new UserErrorException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw new UserErrorException("no password on standard input.");
        }

        Console.Error.Write("Password: ");
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return password.ToString();
    }
}
