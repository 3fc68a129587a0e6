using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dateline.Features.Accounts;
using Dateline.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dateline.BrowserTests;

/// <summary>
/// The newsroom's main screens, filled as on a working morning, at a desk (1280 px) and on a
/// phone (390 px): none may scroll sideways, and each is saved as a screenshot for people to look
/// at. A fixture of its own keeps the pictures the same from run to run.
/// </summary>
public sealed class NewsroomScreenTests(NewsroomFixture fixture) : IClassFixture<NewsroomFixture>, IAsyncLifetime
{
    private readonly BrowserSession browser = new(fixture.Browser, fixture.BaseUrl);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await browser.CloseAsync();
        browser.AssertNoPageProblems();
    }

    [Fact]
    public async Task TheMainScreensFitADeskAndAPhone()
    {
        var story = await SetTheSceneAsync();
        // A made-up address rather than a generated one, as the pictures show it in the header.
        using (var scope = fixture.App.Services.CreateScope())
        {
            var errors = await scope.ServiceProvider.GetRequiredService<NewsroomUsers>()
                .AddAsync("maria.delgado@example.org", "Maria Delgado", Roles.Admin, Staff.Password, CancellationToken.None);
            Assert.True(errors.IsEmpty);
        }

        var page = await browser.OpenAsync();
        var sizes = new[] { (Width: 1280, Height: 900), (Width: 390, Height: 844) };
        var tooWide = new List<string>();
        async Task LookAtAsync(string name, int width)
        {
            // Pictures in sight must be in the screenshot; those further down load lazily.
            await page.WaitForFunctionAsync("() => [...document.images].filter(i => i.getBoundingClientRect().top < innerHeight).every(i => i.complete)");
            await Screenshots.SaveAsync(page, $"{width}-{name}");
            if (await SidewaysOverflowAsync(page) is { Length: > 0 } overflow)
            {
                tooWide.Add($"{name} at {width} px scrolls sideways: {string.Join(", ", overflow)}");
            }
        }

        foreach (var (width, height) in sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync("/newsroom/login");
            await LookAtAsync("login", width);
        }

        await page.SetViewportSizeAsync(1280, 900);
        await BrowserSession.SignInAsync(page, "maria.delgado@example.org");

        var screens = new (string Name, string Path)[]
        {
            ("dashboard", "/newsroom/"),
            ("articles", "/newsroom/articles/"),
            ("editor", $"/newsroom/articles/{story}"),
            ("revisions", $"/newsroom/articles/{story}/revisions"),
            ("media", "/newsroom/media/"),
            ("comments", "/newsroom/comments/"),
            ("settings", "/newsroom/settings/"),
            ("users", "/newsroom/users/"),
            ("keys", "/newsroom/keys/"),
        };
        foreach (var (width, height) in sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var (name, path) in screens)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Status == 200, $"{path} answered {response.Status}");
                await LookAtAsync(name, width);
            }
        }

        Assert.True(tooWide.Count == 0, string.Join("\n", tooWide));

        // The README's picture of the editor: the form at a desk, down to its lead photo.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync($"/newsroom/articles/{story}");
        await Expect(page.GetByLabel("Headline")).ToHaveValueAsync(Headline);
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img.lead-thumbnail'); return i && i.complete && i.naturalWidth > 0; }");
        var form = await page.Locator("form.editor").BoundingBoxAsync();
        var picture = await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(Screenshots.Folder, "readme-newsroom-editor.png"),
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = 1280, Height = form!.Y + form.Height + 20 },
        });
        if (Screenshots.DocsImages() is { } docs)
        {
            await File.WriteAllBytesAsync(Path.Combine(docs, "newsroom-editor.png"), picture);
        }
    }

    private const string Headline = "River Town Rebuilds, One Storefront at a Time, After the Worst Flood in a Century";

    /// <summary>
    /// Nothing when the page fits its window; otherwise the elements that stick out (those not
    /// inside a box that scrolls or clips on its own), so that a failure says where to look.
    /// </summary>
    private static Task<string[]> SidewaysOverflowAsync(IPage page) => page.EvaluateAsync<string[]>(@"() => {
        const root = document.documentElement, width = root.clientWidth;
        if (root.scrollWidth <= width) return [];
        const contained = e => {
            for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                if (getComputedStyle(p).overflowX !== 'visible') return true;
            }
            return false;
        };
        const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
        const culprits = [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5 && !contained(e))
            .slice(0, 8)
            .map(e => `${describe(e)} (right edge at ${Math.round(e.getBoundingClientRect().right)} px)`);
        return culprits.length > 0 ? culprits : [`the page is ${root.scrollWidth - width} px too wide`];
    }");

    /// <summary>A published story with a photo and three comments waiting, a scheduled story and a draft; returns the published story's id.</summary>
    private async Task<int> SetTheSceneAsync()
    {
        var editor = fixture.Editor;
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Photos.RiversideJpeg(2000, 1250));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        upload.Add(file, "file", "riverbank-at-dusk.jpg");
        var uploaded = await editor.PostAsync("/api/newsroom/media", upload);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        var mediaId = (await uploaded.JsonAsync()).GetProperty("id").GetInt32();
        var described = await editor.PatchJsonAsync($"/api/newsroom/media/{mediaId}", new
        {
            alt = "Shopfronts on Water Street at dusk, the old bridge to the right",
            caption = "Water Street from the east bank, four weeks after the flood crested at 31 feet.",
            credit = "Jo Lee/Riverton Gazette, via Wire",
        });
        Assert.True(described.IsSuccessStatusCode, await described.Content.ReadAsStringAsync());

        var story = await editor.CreateArticleAsync(new
        {
            headline = Headline,
            dek = "A month after the water receded, Riverton's bakery, hardware store and library are reopening, and residents are asking whether the levee will hold next spring.",
            dateline = "RIVERTON",
            bodyMarkdown = """
                RIVERTON — The line outside Main Street Bakery began forming before dawn on Saturday, a month to the day after the river crested six feet above its record and swept through the town's lower streets.

                "We lost the ovens, the flour, the photographs on the wall," said Maria Delgado, who has run the bakery for 22 years. "We didn't lose the recipes, and we didn't lose the customers."

                Across Riverton, a town of 4,100 people, the recovery is arriving unevenly. The hardware store reopened within a week, selling out of dehumidifiers twice.

                ## A levee under scrutiny

                State engineers are reviewing the earthen levee that failed at two points on the night of the flood. A preliminary report is due in January.
                """,
            authors = new[] { "Ana Reyes", "Tom Hale" },
            credits = new[] { "Sam Ortiz contributed reporting from Riverton." },
            image = new { mediaId },
            topics = new[] { "Floods", "Riverton" },
            section = "National",
            status = "published",
        });
        var storyId = story.GetProperty("id").GetInt32();
        await editor.CreateArticleAsync(new
        {
            headline = "School Board to Vote on a Four-Day Week",
            authors = new[] { "Priya Natarajan" },
            bodyMarkdown = "The board meets on Thursday.",
            status = "scheduled",
            publishedAt = fixture.Clock.GetUtcNow().AddDays(1).UtcDateTime,
        });
        await editor.CreateArticleAsync(new
        {
            headline = "What the Levee Report Will, and Won't, Say",
            authors = new[] { "Tom Hale" },
            bodyMarkdown = "Notes so far.",
            status = "draft",
        });

        var readers = fixture.App.CreateReaderClient();
        foreach (var (name, body) in new[]
        {
            ("Nora Lindqvist", "My street flooded in 1997 too. Thank you for keeping at this story."),
            ("Dale Okafor", "Will the footbridge by the mill reopen before summer? Nobody at the town office seems to know."),
            ("Best Watches", "Cheap replica watches, best prices, visit our shop today"),
        })
        {
            var posted = await readers.PostAsJsonAsync($"/api/articles/{storyId}/comments", new { body, name, email = $"{name.Replace(' ', '.')}@example.org" });
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        }

        return storyId;
    }
}
