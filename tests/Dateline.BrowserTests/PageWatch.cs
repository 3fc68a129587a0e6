using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Dateline.BrowserTests;

/// <summary>
/// Collects what a page reports when something on it is broken: uncaught script errors, console
/// errors (Chromium reports a Content-Security-Policy refusal as one) and files that fail to load.
/// </summary>
public sealed class PageWatch
{
    private readonly ConcurrentQueue<string> problems = new();

    public PageWatch(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.PageError += (_, error) => problems.Enqueue($"uncaught error on {page.Url}: {error}");
        page.Console += (_, message) =>
        {
            // A page answered with 4xx is logged as a failed load too; tests check those statuses
            // themselves, and a failing subresource is caught below with its address.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource: the server responded", StringComparison.Ordinal))
            {
                problems.Enqueue($"console error on {page.Url}: {message.Text} at {message.Location}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                problems.Enqueue($"{response.Request.ResourceType} {response.Url} answered {response.Status} on {page.Url}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // Leaving a page cancels what it was still loading (lazy images below the fold).
            if (request.Failure != "net::ERR_ABORTED")
            {
                problems.Enqueue($"{request.ResourceType} {request.Url} failed on {page.Url}: {request.Failure}");
            }
        };
    }

    public IReadOnlyCollection<string> Problems => problems;
}
