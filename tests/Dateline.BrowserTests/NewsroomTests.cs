using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dateline.Features.Accounts;
using Dateline.Features.Articles;
using Dateline.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dateline.BrowserTests;

/// <summary>
/// Each newsroom role through its main journey in Chromium, signed in through the login form as
/// a person would be. Every page visited must run without a script error or a refusal by the
/// Content-Security-Policy (checked once the test is over).
/// </summary>
public sealed partial class NewsroomTests(NewsroomFixture fixture) : IClassFixture<NewsroomFixture>, IAsyncLifetime
{
    private readonly BrowserSession browser = new(fixture.Browser, fixture.BaseUrl);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await browser.CloseAsync();
        browser.AssertNoPageProblems();
    }

    private static ILocator Nav(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Newsroom" });

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static int IdIn(string url) => int.Parse(ArticleIdPattern().Match(url).Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task AContributorSavesADraftButCannotPublishIt()
    {
        var email = await fixture.App.AddUserAsync(Roles.Contributor, "Priya Natarajan");
        var page = await browser.OpenAsync();
        await BrowserSession.SignInAsync(page, email);
        await Expect(Nav(page).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Dashboard", "Articles", "Media"]);

        await page.GetByRole(AriaRole.Link, new() { Name = "New article" }).ClickAsync();
        await BrowserSession.ArriveAsync(page, "**/newsroom/articles/new");
        await Expect(Button(page, "Publish now")).ToHaveCountAsync(0);
        await Expect(Button(page, "Schedule")).ToHaveCountAsync(0);
        await Expect(page.GetByText("An editor publishes your drafts.")).ToBeVisibleAsync();

        const string headline = "Council Weighs a Second Bridge Over the Riverton";
        await page.GetByLabel("Headline").FillAsync(headline);
        await page.GetByLabel("Dek").FillAsync("Engineers say the 1931 span carries twice the traffic it was built for.");
        await page.GetByLabel("Body").FillAsync("RIVERTON — The town council will hear three proposals on Tuesday.\n\nNone of them is cheap.");
        await page.GetByLabel("Authors").FillAsync("Priya Natarajan\nTom Hale");
        Assert.Equal(302, await BrowserSession.SubmitAsync(Button(page, "Save draft")));

        await Expect(page).ToHaveURLAsync(DraftSaved());
        var id = IdIn(page.Url);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Draft saved.");
        await Expect(page.Locator(".status-line .status")).ToHaveTextAsync("Draft");
        await Expect(page.GetByLabel("Authors")).ToHaveValueAsync("Priya Natarajan\nTom Hale");
        await Expect(Button(page, "Publish now")).ToHaveCountAsync(0);
        var slug = await page.GetByLabel("Slug").InputValueAsync();
        Assert.Equal("council-weighs-a-second-bridge-over-the-riverton", slug);

        // The missing button is not the only guard: a publish posted anyway is refused.
        await page.EvaluateAsync(@"() => {
            const forged = document.createElement('button');
            forged.type = 'submit'; forged.name = 'action'; forged.value = 'publish'; forged.textContent = 'Forged publish';
            document.querySelector('form.editor').append(forged);
        }");
        Assert.Equal(403, await BrowserSession.SubmitAsync(Button(page, "Forged publish")));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This role may save drafts but may not publish or schedule.");

        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Articles" }).ClickAsync();
        await BrowserSession.ArriveAsync(page, "**/newsroom/articles/");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = headline, Exact = true }) });
        await Expect(row.Locator(".status")).ToHaveTextAsync("Draft");

        var reader = await browser.OpenAsync();
        await reader.GotoAsync("/");
        await Expect(reader.GetByText(headline)).ToHaveCountAsync(0);
        var clock = fixture.App.Services.GetRequiredService<SiteClock>();
        var publicPath = ArticlePaths.Of(clock.LocalDate(fixture.Clock.GetUtcNow().UtcDateTime), slug);
        Assert.Equal(404, (await reader.GotoAsync(publicPath))!.Status);
        Assert.Equal(404, (await reader.GotoAsync($"/api/articles/{id}"))!.Status);
    }

    [Fact]
    public async Task AnEditorAddsAPhotoToADraftSchedulesItAndItGoesLiveOnTime()
    {
        var contributor = fixture.App.CreateClient(await fixture.App.CreateApiKeyAsync(Roles.Contributor));
        var draft = await contributor.CreateArticleAsync(new
        {
            headline = "Library reopens ground floor",
            authors = new[] { "Kitty Bennett" },
            bodyMarkdown = "The library reopened its ground floor on Monday.",
            status = "draft",
        });
        var id = draft.GetProperty("id").GetInt32();

        var page = await browser.OpenAsync();
        await BrowserSession.SignInAsync(page, await fixture.App.AddUserAsync(Roles.Editor, "Ana Reyes"));

        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Media" }).ClickAsync();
        await BrowserSession.ArriveAsync(page, "**/newsroom/media/");
        await page.GetByLabel("Upload an image").SetInputFilesAsync(new FilePayload
        {
            Name = "reading-room.jpg",
            MimeType = "image/jpeg",
            Buffer = Photos.RiversideJpeg(2000, 1250),
        });
        Assert.Equal(302, await BrowserSession.SubmitAsync(Button(page, "Upload")));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uploaded.");
        var item = page.Locator("li.media-item", new() { HasText = "reading-room.jpg" });
        var mediaId = int.Parse((await item.GetAttributeAsync("id"))!["media-".Length..], CultureInfo.InvariantCulture);
        const string alt = "Shopfronts along the river at dusk, with the old bridge on the right";
        await item.GetByLabel("Alt text").FillAsync(alt);
        await item.GetByLabel("Caption").FillAsync("Water Street from the east bank, four weeks after the flood.");
        await item.GetByLabel("Credit").FillAsync("Jo Lee/Riverton Gazette");
        await BrowserSession.SubmitAsync(item.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Expect(page.Locator($"#alt-{mediaId}")).ToHaveValueAsync(alt);

        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Articles" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Library reopens ground floor", Exact = true }).ClickAsync();
        await BrowserSession.ArriveAsync(page, $"**/newsroom/articles/{id}");
        const string headline = "Riverton Library Reopens Its Ground Floor, Archive and All";
        await page.GetByLabel("Headline").FillAsync(headline);
        await page.GetByLabel("Body").FillAsync("RIVERTON — The public library reopened its ground floor on Monday.\n\nThe town's archive dried out in a borrowed freezer.");
        await page.GetByLabel("From the media library").SelectOptionAsync(mediaId.ToString(CultureInfo.InvariantCulture));
        var siteClock = fixture.App.Services.GetRequiredService<SiteClock>();
        var goLive = siteClock.ToLocal(fixture.Clock.GetUtcNow().UtcDateTime.AddMinutes(2));
        await page.GetByLabel("Go live at").FillAsync(goLive.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        Assert.Equal(302, await BrowserSession.SubmitAsync(Button(page, "Schedule")));
        await Expect(page).ToHaveURLAsync(new Regex($@"/newsroom/articles/{id}\?saved=scheduled$"));
        await Expect(page.Locator(".status-line .status")).ToHaveTextAsync("Scheduled");
        await Expect(page.GetByLabel("From the media library")).ToHaveValueAsync(mediaId.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("img.lead-thumbnail")).ToBeVisibleAsync();
        var path = await page.GetByRole(AriaRole.Link, new() { Name = "View on the site" }).GetAttributeAsync("href");
        Assert.NotNull(path);

        var reader = await browser.OpenAsync();
        Assert.Equal(404, (await reader.GotoAsync(path))!.Status);

        // The moment passes, and the scheduler's tick (the one its timer would run) publishes it.
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        await fixture.App.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(CancellationToken.None);

        Assert.Equal(200, (await reader.GotoAsync(path))!.Status);
        await Expect(reader.Locator("article h1")).ToHaveTextAsync(headline);
        var photo = reader.Locator("figure.lead-image img");
        await Expect(photo).ToHaveAttributeAsync("alt", alt);
        await Expect(photo).ToHaveAttributeAsync("width", "2000");
        await Expect(photo).ToHaveAttributeAsync("height", "1250");
        await Expect(photo).ToHaveAttributeAsync("srcset", new Regex(@"\b480w\b.*\b960w\b.*\b1600w\b"));
        await reader.WaitForFunctionAsync("() => { const i = document.querySelector('figure.lead-image img'); return i.complete && i.naturalWidth > 0; }");
        await Expect(reader.Locator("figure.lead-image figcaption")).ToContainTextAsync("Jo Lee/Riverton Gazette");
        await reader.GotoAsync("/");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = headline })).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.Locator(".status-line .status")).ToHaveTextAsync("Published");
    }

    [Fact]
    public async Task AModeratorApprovesOneCommentAndSpamsAnotherAndReadersSeeOnlyTheApproved()
    {
        var article = await fixture.Editor.CreateArticleAsync(new
        {
            headline = "Levee Repairs Will Not Be Finished Before the Spring Melt",
            authors = new[] { "Tom Hale" },
            bodyMarkdown = "RIVERTON — State engineers said on Thursday that repairs would take until June.",
            status = "published",
        });
        var articleId = article.GetProperty("id").GetInt32();
        var path = Http.PathOf(article);

        const string kind = "My street flooded in 1997 too. Thank you for keeping at this story.";
        const string junk = "Cheap replica watches, best prices, visit our shop today";
        const string question = "Will the footbridge by the mill reopen before summer?";
        var writer = await browser.OpenAsync();
        await writer.GotoAsync(path);
        await writer.Locator("#comment").FillAsync(kind);
        await writer.Locator("#author").FillAsync("Nora Lindqvist");
        await writer.Locator("#email").FillAsync("nora@example.org");
        await BrowserSession.SubmitAsync(writer.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }));
        await Expect(writer.Locator(".awaiting-moderation")).ToHaveTextAsync("Your comment is awaiting moderation.");
        var api = fixture.App.CreateReaderClient();
        foreach (var (body, name) in new[] { (junk, "Best Watches"), (question, "Dale Okafor") })
        {
            var posted = await api.PostAsJsonAsync($"/api/articles/{articleId}/comments", new { body, name, email = $"{name.Replace(' ', '.')}@example.org" });
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        }

        var page = await browser.OpenAsync();
        await BrowserSession.SignInAsync(page, await fixture.App.AddUserAsync(Roles.Moderator, "Sam Ortiz"));
        await Expect(Nav(page).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Dashboard", "Comments"]);
        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Comments" }).ClickAsync();
        await BrowserSession.ArriveAsync(page, "**/newsroom/comments/");
        var queue = page.Locator("li.queue-item");
        ILocator Row(string text) => queue.Filter(new() { HasText = text });
        await Expect(Row(kind)).ToHaveCountAsync(1);
        await Expect(Row(junk)).ToHaveCountAsync(1);
        await Expect(Row(question)).ToHaveCountAsync(1);

        Assert.Equal(303, await BrowserSession.SubmitAsync(Row(kind).GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Approved 1 comment.");
        await Expect(Row(kind)).ToHaveCountAsync(0);
        Assert.Equal(303, await BrowserSession.SubmitAsync(Row(junk).GetByRole(AriaRole.Button, new() { Name = "Spam", Exact = true })));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Marked 1 comment as spam.");
        await Expect(Row(junk)).ToHaveCountAsync(0);
        await Expect(Row(question)).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Comment status" }).GetByRole(AriaRole.Link, new() { Name = "Spam" }).ClickAsync();
        await Expect(Row(junk)).ToHaveCountAsync(1);

        var reader = await browser.OpenAsync();
        await reader.GotoAsync(path);
        var comments = reader.Locator(".comments li.comment");
        await Expect(comments).ToHaveCountAsync(1);
        await Expect(comments).ToContainTextAsync(kind);
        await Expect(comments).ToContainTextAsync("Nora Lindqvist");
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountAgainstTheRightOneToo()
    {
        var email = await fixture.App.AddUserAsync(Roles.Editor);
        var page = await browser.OpenAsync();
        await page.GotoAsync("/newsroom/login");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync($"not the password {attempt}");
            Assert.Equal(422, await BrowserSession.SubmitAsync(Button(page, "Sign in")));
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is wrong.");
        }

        const string locked = "Too many failed attempts: this account is locked for 15 minutes. You can reset the password by email meanwhile.";
        await page.GetByLabel("Password").FillAsync("not the password 5");
        Assert.Equal(429, await BrowserSession.SubmitAsync(Button(page, "Sign in")));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(locked);

        await page.GetByLabel("Password").FillAsync(Staff.Password);
        Assert.Equal(429, await BrowserSession.SubmitAsync(Button(page, "Sign in")));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(locked);
        await Screenshots.SaveAsync(page, "1280-login-locked");
        await page.GotoAsync("/newsroom/");
        await Expect(page).ToHaveURLAsync(new Regex("/newsroom/login"));
    }

    [Fact]
    public async Task TheLoginFormAndTheEditorWorkFromTheKeyboardWithAVisibleFocus()
    {
        var email = await fixture.App.AddUserAsync(Roles.Editor);
        var page = await browser.OpenAsync();
        await page.GotoAsync("/newsroom/login");
        await Expect(page.GetByLabel("Email")).ToBeFocusedAsync();
        Assert.Equal(["password", "remember", "Sign in", "Forgot your password?"], await TabThroughAsync(page, "Forgot your password?"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "1280-login-keyboard-focus.png") });

        await page.ReloadAsync();
        await Expect(page.GetByLabel("Email")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Staff.Password);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");

        await page.GotoAsync("/newsroom/articles/new");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await BrowserSession.ArriveAsync(page, "**#main");
        Assert.Equal(
            [
                "headline", "dek", "slug", "body", "Preview", "Save draft", "Publish now", "publishAt", "Schedule",
                "authors", "dateline", "credits", "topics", "section", "commentsOpen",
                "mediaId", "Upload to the media library", "imageUrl", "imageAlt", "imageCaption", "imageCredit",
            ],
            await TabThroughAsync(page, "imageCredit"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "1280-editor-keyboard-focus.png") });
    }

    /// <summary>
    /// Presses Tab until the named control has the focus (at most 60 times), checking that each
    /// control reached shows the focus outline; returns the controls in the order reached, each
    /// once (a date field takes several presses).
    /// </summary>
    private static async Task<List<string>> TabThroughAsync(IPage page, string last)
    {
        var reached = new List<string>();
        for (var press = 0; press < 60 && (reached.Count == 0 || reached[^1] != last); press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<FocusState>(@"() => {
                const e = document.activeElement, style = getComputedStyle(e);
                return {
                    name: e.id || e.textContent.trim(),
                    outlined: style.outlineStyle === 'solid' && parseFloat(style.outlineWidth) >= 2,
                };
            }");
            Assert.True(focus.Outlined, $"{focus.Name} has the focus but no visible focus outline");
            if (reached.Count == 0 || reached[^1] != focus.Name)
            {
                reached.Add(focus.Name);
            }
        }

        return reached;
    }

    private sealed class FocusState
    {
        public string Name { get; set; } = "";
        public bool Outlined { get; set; }
    }

    [GeneratedRegex(@"/newsroom/articles/(\d+)")]
    private static partial Regex ArticleIdPattern();

    [GeneratedRegex(@"/newsroom/articles/\d+\?saved=draft$")]
    private static partial Regex DraftSaved();
}
