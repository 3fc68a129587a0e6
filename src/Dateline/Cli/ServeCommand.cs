using System.CommandLine;
using Dateline.Web;

namespace Dateline.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on; default {WebComposition.DefaultUrl}" };
        var data = CommonOptions.Data();
        var command = new Command("serve", "Serve the site (the default command).") { urls, data };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var overrides = CommonOptions.Overrides(parse, data);
            if (parse.GetValue(urls) is { Length: > 0 } addresses)
            {
                overrides["urls"] = addresses;
            }

            // Host settings such as --environment=Production pass through to ASP.NET Core.
            var app = WebComposition.Build([.. parse.UnmatchedTokens], overrides);
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
