using System.CommandLine;
using Dateline.Web;
using Microsoft.AspNetCore.Http;

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
                CheckAddresses(addresses);
                overrides["urls"] = addresses;
            }

            // Host settings such as --environment=Production pass through to ASP.NET Core.
            var app = WebComposition.Build([.. parse.UnmatchedTokens], overrides);
            await app.RunAsync();
            return 0;
        });
        return command;
    }

    // Kestrel would refuse them only after start-up, in a logged stack trace.
    private static void CheckAddresses(string addresses)
    {
        foreach (var address in addresses.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                BindingAddress.Parse(address);
            }
            catch (FormatException)
            {
                throw new UserErrorException($"--urls: '{address}' is not an address to listen on (for example http://127.0.0.1:5080).");
            }
        }
    }
}
