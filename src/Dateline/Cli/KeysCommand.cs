using System.CommandLine;
using Dateline.Features.Accounts;

namespace Dateline.Cli;

internal static class KeysCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "What the key is for (\"CMS bridge\")", Required = true };
        var role = UsersCommand.RoleOption();
        var data = CommonOptions.Data();
        var create = new Command("create", "Create a newsroom API key; it is printed once, on the last line.") { name, role, data };
        create.SetAction(async (parse, ct) =>
        {
            var keyName = parse.GetRequiredValue(name).Trim();
            if (keyName.Length is 0 or > ApiKeyIssuer.NameLength)
            {
                throw new UserErrorException($"--name must be between 1 and {ApiKeyIssuer.NameLength} characters.");
            }

            using var host = await CliHost.StartAsync(CommonOptions.Overrides(parse, data), ct);
            using var scope = host.Services.CreateScope();
            var (errors, key) = await scope.ServiceProvider.GetRequiredService<ApiKeyIssuer>().CreateAsync(keyName, parse.GetRequiredValue(role), ct);
            if (key is null)
            {
                throw new UserErrorException(string.Join("; ", errors.ToDictionary().Select(e => $"--{e.Key}: {string.Join(" ", e.Value)}")));
            }

            Console.WriteLine($"Created API key '{keyName}' ({parse.GetRequiredValue(role)}). Store it now: it is not shown again.");
            Console.WriteLine(key);
            return 0;
        });
        return new Command("keys", "Manage newsroom API keys.") { create };
    }
}
