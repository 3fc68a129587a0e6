using System.CommandLine;
using System.Runtime.ExceptionServices;
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
            await using var app = WebComposition.Build([.. parse.UnmatchedTokens], overrides);
            try
            {
                await app.StartAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                // The server may already listen (the host starts its services at once): stopping
                // lets the requests held at the start gate have their 503 before it goes away.
                // The start's own error is the one to report.
                app.Lifetime.StopApplication();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await app.StopAsync(grace.Token).ContinueWith(stop => _ = stop.Exception, TaskScheduler.Default);
                // Started at once, the services' failures come back together; the first real one
                // (a database that cannot be used, an address in use) is what the user is told.
                if (e is AggregateException all && all.Flatten().InnerExceptions.FirstOrDefault(i => i is not OperationCanceledException) is { } first)
                {
                    ExceptionDispatchInfo.Throw(first);
                }

                throw;
            }

            // The host handles Ctrl+C and SIGTERM itself, as RunAsync did.
            await app.WaitForShutdownAsync(CancellationToken.None);
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
