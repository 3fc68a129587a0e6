using System.CommandLine;
using System.Text;
using Dateline.Features.Accounts;

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
            using var scope = host.Services.CreateScope();
            var errors = await scope.ServiceProvider.GetRequiredService<NewsroomUsers>()
                .AddAsync(parse.GetRequiredValue(email), parse.GetRequiredValue(name), parse.GetRequiredValue(role), password, ct);
            if (!errors.IsEmpty)
            {
                throw new UserErrorException(string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            }

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
