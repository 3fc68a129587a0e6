using System.Net;
using System.Text.RegularExpressions;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Cli;

/// <summary>The real `serve` command in its own process, from a working directory that is not its own.</summary>
public abstract partial class ServeTests(Provider provider)
{
    [Fact]
    public async Task ServePrintsASetupLinkOnAnEmptySiteAndServesStyledPages()
    {
        using var database = new TestDatabase(provider);
        using var process = TestSupport.Cli.Start(database, "serve", "--urls", "http://127.0.0.1:0");
        try
        {
            var setup = await ReadUntilAsync(process, SetupLink());
            var baseUrl = setup.Groups["base"].Value;
            using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            var home = await client.GetStringAsync("/");
            var stylesheet = StylesheetLink().Match(home);
            Assert.True(stylesheet.Success, "the home page links its stylesheet");
            var css = await client.GetAsync(stylesheet.Groups[1].Value);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
            Assert.Equal(48, setup.Groups["token"].Value.Length);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<Match> ReadUntilAsync(System.Diagnostics.Process process, Regex pattern)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (pattern.Match(line) is { Success: true } match)
            {
                return match;
            }
        }

        throw new InvalidOperationException($"the server ended without printing a setup link: {await process.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex(@"(?<base>http://127\.0\.0\.1:\d+)/newsroom/setup\?token=(?<token>[0-9a-f]+)")]
    private static partial Regex SetupLink();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetLink();
}

public sealed class ServeOnSqlite() : ServeTests(Provider.Sqlite);

public sealed class ServeOnPostgres() : ServeTests(Provider.Postgres);
