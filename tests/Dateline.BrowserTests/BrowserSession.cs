using Dateline.TestSupport;
using Microsoft.Playwright;

namespace Dateline.BrowserTests;

/// <summary>
/// One test's browser windows, each a fresh profile, each watched for script errors and broken
/// files; with the steps every newsroom journey takes (signing in, posting a form).
/// </summary>
public sealed class BrowserSession(IBrowser browser, string baseUrl)
{
    /// <summary>The longest any single step may take, in milliseconds: generous for a loaded 2-core machine, never unbounded.</summary>
    public const float Timeout = 20_000;

    private readonly List<IBrowserContext> contexts = [];
    private readonly List<PageWatch> watches = [];

    public async Task<IPage> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        contexts.Add(context);
        var page = await context.NewPageAsync();
        watches.Add(new PageWatch(page));
        return page;
    }

    /// <summary>Fails when any page opened in this session had a script error, a console error or a file that did not load.</summary>
    public void AssertNoPageProblems()
    {
        var problems = watches.SelectMany(w => w.Problems).ToList();
        Assert.True(problems.Count == 0, "The pages reported problems:\n" + string.Join("\n", problems));
    }

    public async Task CloseAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Signs in through the login form and waits for the dashboard.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/newsroom/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Staff.Password);
        await SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
    }

    /// <summary>
    /// Waits until the page holds a document at an address that matches, and that document has
    /// loaded, after a click or a key that navigates.
    /// </summary>
    /// <remarks>
    /// Playwright's WaitForURL waits for its own record of the load event, and in full runs that
    /// record was missed now and then: the page had loaded, every file had been served, and the
    /// wait ran out (the setup link, twice in CI, and the phone search). So this waits only for
    /// the address to change, then asks the document itself for its state.
    /// </remarks>
    public static Task ArriveAsync(IPage page, string url) =>
        ArriveAsync(page, () => page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit }));

    /// <inheritdoc cref="ArriveAsync(IPage, string)"/>
    public static Task ArriveAsync(IPage page, System.Text.RegularExpressions.Regex url) =>
        ArriveAsync(page, () => page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit }));

    private static async Task ArriveAsync(IPage page, Func<Task> addressMatches)
    {
        ArgumentNullException.ThrowIfNull(page);
        await addressMatches();
        // Asked from here rather than with WaitForFunction, whose polling runs in the page's
        // scripts: the phone tests turn JavaScript off, and then only its first check would run.
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (!await IsCompleteAsync(page))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{page.Url} did not finish loading within {Timeout} ms.");
            }

            await Task.Delay(25);
        }
    }

    private static async Task<bool> IsCompleteAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string>("document.readyState") == "complete";
        }
        catch (PlaywrightException e) when (e.Message.Contains("context was destroyed", StringComparison.Ordinal))
        {
            return false; // the document was replaced while being asked: ask the new one
        }
    }

    /// <summary>
    /// Clicks a button that posts a form and waits until the page that answers has loaded;
    /// returns the status of the answer to the post (a redirect's own status, when it redirects).
    /// </summary>
    public static async Task<int> SubmitAsync(ILocator button)
    {
        ArgumentNullException.ThrowIfNull(button);
        var page = button.Page;
        // A mark on the old document: the wait below ends only once a new one has replaced it,
        // even when the answer is the same page at the same address (a form with errors).
        await page.EvaluateAsync("() => { window.datelineOldPage = true; }");
        var response = await page.RunAndWaitForResponseAsync(
            () => button.ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Request.Method == "POST" && r.Frame == page.MainFrame);
        await page.WaitForFunctionAsync("() => window.datelineOldPage === undefined && document.readyState === 'complete'");
        return response.Status;
    }
}
