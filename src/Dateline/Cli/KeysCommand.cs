using System.CommandLine;
using Dateline.Data;
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
            if (keyName.Length is 0 or > 200)
            {
                throw new UserErrorException("--name must be between 1 and 200 characters.");
            }

            using var host = await CliHost.StartAsync(CommonOptions.Overrides(parse, data), ct);
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
            var (key, prefix, hash) = ApiKeySecrets.Create();
            db.ApiKeys.Add(new ApiKey { Name = keyName, Role = parse.GetRequiredValue(role), Prefix = prefix, SecretHash = hash, CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
            Console.WriteLine($"Created API key '{keyName}' ({parse.GetRequiredValue(role)}). Store it now: it is not shown again.");
            Console.WriteLine(key);
            return 0;
        });
        return new Command("keys", "Manage newsroom API keys.") { create };
    }
}
