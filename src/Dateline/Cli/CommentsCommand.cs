using System.CommandLine;
using System.Text.Json;
using Dateline.Features.Privacy;

namespace Dateline.Cli;

/// <summary>`comments export --email E` and `comments erase --email E`: a commenter's data and its erasure.</summary>
internal static class CommentsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("comments", "Privacy tools for commenters.");
        command.Subcommands.Add(Build("export", "Print everything stored about a commenter's e-mail address, as JSON.", async (data, email, ct) =>
            Console.WriteLine(JsonSerializer.Serialize(await data.ExportAsync(email, ct), Json))));
        command.Subcommands.Add(Build("erase", "Erase a commenter's personal data; the comments stay, signed \"Anonymous\".", async (data, email, ct) =>
            Console.WriteLine($"Anonymized {await data.EraseAsync(email, ct)} comments.")));
        return command;
    }

    private static Command Build(string name, string description, Func<CommenterData, string, CancellationToken, Task> action)
    {
        var email = new Option<string>("--email") { Description = "The commenter's e-mail address", Required = true };
        var data = CommonOptions.Data();
        var command = new Command(name, description) { email, data };
        command.SetAction(async (parse, ct) =>
        {
            var address = parse.GetRequiredValue(email).Trim();
            if (!address.Contains('@', StringComparison.Ordinal))
            {
                throw new UserErrorException($"--email: '{address}' is not an e-mail address.");
            }

            using var host = await CliHost.StartAsync(CommonOptions.Overrides(parse, data), ct);
            using var scope = host.Services.CreateScope();
            await action(scope.ServiceProvider.GetRequiredService<CommenterData>(), address, ct);
            return 0;
        });
        return command;
    }
}
