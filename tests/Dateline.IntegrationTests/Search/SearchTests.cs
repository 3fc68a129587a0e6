using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Dateline.Data;
using Dateline.Features.Search;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Search;

/// <summary>/search on each database: ranking, snippets, prefixes, filters, the index following edits, and hostile input.</summary>
public abstract class SearchTests(DatelineApp app)
{
    private HttpClient? admin;

    [Fact]
    public async Task TheHeadlineOutranksTheDekAndTheDekOutranksTheBody()
    {
        var word = Word();
        var inBody = await PublishAsync(new { headline = "A quiet council meeting", bodyMarkdown = $"Near the end the {word} came up once." });
        var inHeadline = await PublishAsync(new { headline = $"The {word} returns", bodyMarkdown = "Nothing else to add." });
        var inDek = await PublishAsync(new { headline = "Weekend notes", dek = $"Including the {word}.", bodyMarkdown = "Short." });

        var results = await SearchAsync(word);
        Assert.Equal([Http.PathOf(inHeadline), Http.PathOf(inDek), Http.PathOf(inBody)], Links(results));
        Assert.Equal("3 articles found for “" + word + "”", results.QuerySelector(".search-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task SnippetsMarkTheMatchedWordsAndEscapeTheText()
    {
        var word = Word();
        await PublishAsync(new
        {
            headline = $"Markup <b>{word}</b> & friends",
            bodyMarkdown = $"The filing said `<script>alert(1)</script>` before the {word} paragraph went on about other things entirely.",
        });

        var response = await app.CreateReaderClient().GetAsync("/search?q=" + word);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>" + word, html, StringComparison.Ordinal);
        var page = await new HttpResponseMessage { Content = new StringContent(html) }.HtmlAsync();
        var item = Assert.Single(page.QuerySelectorAll(".search-results > li"));
        Assert.Equal($"Markup <b>{word}</b> & friends", item.QuerySelector(".summary-headline")!.TextContent);
        Assert.Equal([word], item.QuerySelectorAll(".summary-headline mark").Select(m => m.TextContent));
        var excerpt = item.QuerySelector(".search-excerpt")!;
        Assert.Equal([word], excerpt.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Contains("<script>alert(1)</script>", excerpt.TextContent, StringComparison.Ordinal);
        Assert.Empty(excerpt.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task WordsMatchAsPrefixesAndStemsAndAllMustMatch()
    {
        var word = Word();
        var both = await PublishAsync(new { headline = $"{word} councils approve budgets", bodyMarkdown = "Votes were cast." });
        await PublishAsync(new { headline = $"{word} alone", bodyMarkdown = "Nothing about money." });

        Assert.Equal(2, Links(await SearchAsync(word[..7])).Count);
        Assert.Equal([Http.PathOf(both)], Links(await SearchAsync($"{word} budget")));
        Assert.Equal([Http.PathOf(both)], Links(await SearchAsync($"{word} council")));
        Assert.Equal([Http.PathOf(both)], Links(await SearchAsync($"\"{word} councils approve\"")));
        Assert.Empty(Links(await SearchAsync($"\"{word} approve councils\"")));
    }

    [Fact]
    public async Task AuthorsAndTopicsAreSearchedToo()
    {
        var word = Word();
        var byName = await PublishAsync(new { headline = "Harbour dredging resumes", authors = new[] { $"Ann {word}" }, bodyMarkdown = "Boats." });
        var byTopic = await PublishAsync(new { headline = "Ferry timetable", topics = new[] { $"{word} affairs" }, bodyMarkdown = "Ferries." });
        Assert.Equal(new[] { Http.PathOf(byName), Http.PathOf(byTopic) }.Order(), Links(await SearchAsync(word)).Order());
    }

    [Fact]
    public async Task FiltersNarrowByTopicAuthorAndDates()
    {
        var word = Word();
        var topic = "Filter " + Word();
        var march = await PublishAsync(new { headline = $"{word} in March", authors = new[] { "Mar Writer" }, topics = new[] { topic }, bodyMarkdown = "M.", publishedAt = new DateTime(2024, 3, 10, 12, 0, 0, DateTimeKind.Utc) });
        var may = await PublishAsync(new { headline = $"{word} in May", authors = new[] { "May Writer" }, topics = new[] { topic }, bodyMarkdown = "M.", publishedAt = new DateTime(2024, 5, 10, 12, 0, 0, DateTimeKind.Utc) });
        var july = await PublishAsync(new { headline = $"{word} in July", authors = new[] { "Mar Writer" }, bodyMarkdown = "J.", publishedAt = new DateTime(2024, 7, 10, 12, 0, 0, DateTimeKind.Utc) });
        var topicSlug = JsonSlug(march, "topics");

        Assert.Equal([Http.PathOf(march), Http.PathOf(may)], (await SearchLinksAsync($"q={word}&topic={topicSlug}&sort=newest")).AsEnumerable().Reverse());
        Assert.Equal([Http.PathOf(july), Http.PathOf(march)], await SearchLinksAsync($"q={word}&author=mar-writer&sort=newest"));
        Assert.Equal([Http.PathOf(may)], await SearchLinksAsync($"q={word}&from=2024-04-01&to=2024-06-30"));
        Assert.Equal([Http.PathOf(july), Http.PathOf(may)], await SearchLinksAsync($"q={word}&from=2024-05-10&sort=newest"));
        Assert.Equal([Http.PathOf(march)], await SearchLinksAsync($"q={word}&to=2024-03-10"));

        // A date that is not one is set aside, and the reader told so.
        var page = await (await app.CreateReaderClient().GetAsync($"/search?q={word}&from=last+tuesday")).HtmlAsync();
        Assert.Equal(3, page.QuerySelectorAll(".search-results > li").Length);
        Assert.Contains("“from” date was not understood", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersFindEveryArticleWhateverTheNamesLookLike()
    {
        // The filters narrow the search inside the index by the topic's and author's names, so
        // names that the index splits oddly, or that are stop words only, must lose nothing.
        var word = Word();
        var suffix = Word();
        var us = await PublishAsync(new { headline = $"{word} tariffs", authors = new[] { $"Seán O'Brien-Smith {suffix}" }, topics = new[] { $"U.S. Economy {suffix}" }, bodyMarkdown = "T." });
        var covid = await PublishAsync(new { headline = $"{word} wards", authors = new[] { $"Seán O'Brien-Smith {suffix}" }, topics = new[] { $"COVID-19 & Health {suffix}" }, bodyMarkdown = "W." });
        var band = await PublishAsync(new { headline = $"{word} tour", authors = new[] { "Roger Daltrey" }, topics = new[] { "The Who" }, bodyMarkdown = "Gigs." });
        var mentions = await PublishAsync(new { headline = $"{word} and the U.S. economy", bodyMarkdown = $"By Seán O'Brien-Smith {suffix}, on COVID-19 & Health {suffix} and The Who." });

        Assert.Equal([Http.PathOf(us)], await SearchLinksAsync($"q={word}&topic={JsonSlug(us, "topics")}"));
        Assert.Equal([Http.PathOf(covid)], await SearchLinksAsync($"q={word}&topic={JsonSlug(covid, "topics")}"));
        Assert.Equal([Http.PathOf(band)], await SearchLinksAsync($"q={word}&topic={JsonSlug(band, "topics")}"));
        Assert.Equal([Http.PathOf(covid), Http.PathOf(us)], await SearchLinksAsync($"q={word}&author={JsonSlug(us, "authors")}&sort=newest"));
        Assert.Equal([Http.PathOf(covid)], await SearchLinksAsync($"q={word}&author={JsonSlug(us, "authors")}&topic={JsonSlug(covid, "topics")}"));
        Assert.Equal(new[] { us, covid, band, mentions }.Select(Http.PathOf).Order(), (await SearchLinksAsync($"q={word}")).Order());
    }

    [Theory]
    [InlineData("CO₂ Emissions")]
    [InlineData("Scrabble™ Club")]
    [InlineData("Ｇ７ Summit")]
    [InlineData("𠮷野家 Group")]
    [InlineData("Louis Ⅻ")]
    [InlineData("Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz")]
    [InlineData("Griﬃth & <Co>")]
    public async Task FiltersFindArticlesWhateverUnicodeTheirNamesHold(string name)
    {
        // Names that a tokenizer or a normalizer would split or fold differently from the index.
        var word = Word();
        var suffix = Word();
        var article = await PublishAsync(new { headline = $"{word} report", authors = new[] { $"{name} {suffix}" }, topics = new[] { $"{name} {suffix}" }, bodyMarkdown = "R." });
        Assert.Equal([Http.PathOf(article)], await SearchLinksAsync($"q={word}&topic={Uri.EscapeDataString(JsonSlug(article, "topics"))}"));
        Assert.Equal([Http.PathOf(article)], await SearchLinksAsync($"q={word}&author={Uri.EscapeDataString(JsonSlug(article, "authors"))}"));
    }

    [Fact]
    public async Task TheIndexFollowsPublishEditUnpublishAndDelete()
    {
        var word = Word();
        var other = Word();
        var draft = await Admin().CreateArticleAsync(new { headline = $"Draft {word}", authors = new[] { "Ed Itor" }, bodyMarkdown = "Draft." });
        var id = draft.GetProperty("id").GetInt32();
        Assert.Empty(Links(await SearchAsync(word)));

        Assert.Equal(HttpStatusCode.OK, (await Admin().PatchJsonAsync($"/api/newsroom/articles/{id}", new { status = "published" })).StatusCode);
        Assert.Single(Links(await SearchAsync(word)));

        Assert.Equal(HttpStatusCode.OK, (await Admin().PatchJsonAsync($"/api/newsroom/articles/{id}", new { headline = $"Published {other}" })).StatusCode);
        Assert.Empty(Links(await SearchAsync(word)));
        Assert.Single(Links(await SearchAsync(other)));

        Assert.Equal(HttpStatusCode.OK, (await Admin().PatchJsonAsync($"/api/newsroom/articles/{id}", new { bodyMarkdown = $"Now the body says {word}." })).StatusCode);
        Assert.Single(Links(await SearchAsync(word)));

        Assert.Equal(HttpStatusCode.OK, (await Admin().PatchJsonAsync($"/api/newsroom/articles/{id}", new { status = "draft" })).StatusCode);
        Assert.Empty(Links(await SearchAsync(other)));

        Assert.Equal(HttpStatusCode.NoContent, (await Admin().DeleteAsync($"/api/newsroom/articles/{id}")).StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        Assert.Empty(await SearchIndexes.For(db).Match(db, SearchTerms.Parse(other), SearchMode.AllWords, null).ToListAsync());
    }

    [Fact]
    public async Task ScheduledArticlesAreFoundFromTheirTimeOn()
    {
        var word = Word();
        await Admin().CreateArticleAsync(new { headline = $"Embargoed {word}", authors = new[] { "Ed Itor" }, bodyMarkdown = "Later.", status = "scheduled", publishedAt = DateTime.UtcNow.AddDays(2) });
        Assert.Empty(Links(await SearchAsync(word)));
    }

    [Fact]
    public async Task ArticlesMissingFromTheIndexAreIndexedAtStart()
    {
        var word = Word();
        var article = await PublishAsync(new { headline = $"Restored {word}", bodyMarkdown = "Text." });
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
            await SearchIndexes.For(db).RemoveAsync(db, [article.GetProperty("id").GetInt32()], default);
            Assert.Empty(Links(await SearchAsync(word)));
            Assert.True(await ArticleSearchIndex.CatchUpAsync(db, default) >= 1);
        }

        Assert.Equal([Http.PathOf(article)], Links(await SearchAsync(word)));
    }

    [Fact]
    public async Task EntriesWrittenTogetherWhileUpkeepIsPausedAreFoundOnceAndStartResumesIt()
    {
        var word = Word();
        var first = await PublishAsync(new { headline = $"First {word}", bodyMarkdown = "One." });
        var second = await PublishAsync(new { headline = $"Second {word}", bodyMarkdown = $"Two, {word} again." });
        int[] ids = [first.GetProperty("id").GetInt32(), second.GetProperty("id").GetInt32()];
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var index = SearchIndexes.For(db);
        await index.RemoveAsync(db, ids, default);
        Assert.Empty(Links(await SearchAsync(word)));

        await index.PauseUpkeepAsync(db, default);
        try
        {
            if (db.Database.IsSqlite())
            {
                Assert.Equal(["0"], await AutomergeAsync(db));
            }

            // Written twice, as a second import run would: each article is still one entry.
            await ArticleSearchIndex.RefreshAsync(db, ids, default);
            await ArticleSearchIndex.RefreshAsync(db, ids, default);
            Assert.Equal(ids.Order(), (await index.Match(db, SearchTerms.Parse(word), SearchMode.AllWords, null).ToListAsync()).Select(m => m.ArticleId).Order());
            Assert.Equal([Http.PathOf(first), Http.PathOf(second)], Links(await SearchAsync(word)).Order());
        }
        finally
        {
            await ArticleSearchIndex.CatchUpAsync(db, default);
        }

        if (db.Database.IsSqlite())
        {
            Assert.Equal(["4"], await AutomergeAsync(db));
        }
    }

    private static Task<List<string>> AutomergeAsync(DatelineDbContext db) =>
        db.Database.SqlQuery<string>($"""SELECT CAST(v AS TEXT) AS "Value" FROM "ArticleSearch_config" WHERE k = 'automerge'""").ToListAsync();

    [Fact]
    public async Task ResultsArePagedWithTheQueryKept()
    {
        var word = Word();
        for (var i = 0; i < 22; i++)
        {
            await PublishAsync(new { headline = $"{word} part {i}", bodyMarkdown = "Part.", publishedAt = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i) });
        }

        var first = await (await app.CreateReaderClient().GetAsync($"/search?q={word}&sort=newest")).HtmlAsync();
        Assert.Equal(20, first.QuerySelectorAll(".search-results > li").Length);
        Assert.Equal($"{word} part 21", first.QuerySelector(".search-results .summary-headline")!.TextContent);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"/search?q={word}&sort=newest&page=2", next);
        var second = await (await app.CreateReaderClient().GetAsync(next)).HtmlAsync();
        Assert.Equal([$"{word} part 1", $"{word} part 0"], second.QuerySelectorAll(".search-results .summary-headline").Select(h => h.TextContent));
        Assert.Equal($"/search?q={word}&sort=newest", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("22 articles found for “" + word + "”", second.QuerySelector(".search-count")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unclosed phrase")]
    [InlineData("'; DROP TABLE \"Articles\"; --")]
    [InlineData("AND OR NOT")]
    [InlineData("NEAR(a b, 3)")]
    [InlineData("Headline:fish*")]
    [InlineData("^start * ( ) { } [ ] : - +")]
    [InlineData("a & b | !c <-> d:* <2> e")]
    [InlineData("<script>alert('q')</script>")]
    [InlineData("%_\\%")]
    [InlineData("🦀 ✓ \u200b \u0301")]
    [InlineData("\uE000marked\uE001")]
    public async Task HostileQueriesAnswerAPageNeverAnError(string query)
    {
        var response = await app.CreateReaderClient().GetAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var page = await new HttpResponseMessage { Content = new StringContent(html) }.HtmlAsync();
        Assert.Equal(query.Trim(), page.QuerySelector("#search-q")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector(".search-none, .search-count, .search-form"));
    }

    [Fact]
    public async Task AVeryLongQueryAndMarkupStillFindWhatTheyName()
    {
        var word = Word();
        var article = await PublishAsync(new { headline = $"Long {word}", bodyMarkdown = "Text." });
        Assert.Equal([Http.PathOf(article)], Links(await SearchAsync($"<b>{word}</b>")));

        var response = await app.CreateReaderClient().GetAsync("/search?q=" + word + "+" + new string('x', 10_000));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Equal("Nothing found for “" + word + " " + new string('x', SearchTerms.MaxInput - word.Length - 1) + "”. Check the spelling, or try fewer or different words.", page.QuerySelector(".search-none")!.TextContent);

        var bad = await app.CreateReaderClient().GetAsync($"/search?q={word}&page=abc&topic=%3Cb%3E&sort=%00");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);

        // Characters that .NET refuses to normalize, and a cut through an emoji's surrogate pair.
        foreach (var query in new[] { "%EF%BF%BE", word + "%EF%BF%BF", new string('a', SearchTerms.MaxInput - 1) + "%F0%9F%A6%80" })
        {
            Assert.Equal(HttpStatusCode.OK, (await app.CreateReaderClient().GetAsync("/search?q=" + query)).StatusCode);
        }
    }

    [Fact]
    public async Task EveryPageHasTheSearchBox()
    {
        var article = await PublishAsync(new { headline = "Box " + Word(), topics = new[] { "Box Topic" }, bodyMarkdown = "Text." });
        foreach (var path in new[] { "/", Http.PathOf(article), "/topics/box-topic/", "/search" })
        {
            var page = await (await app.CreateReaderClient().GetAsync(path)).HtmlAsync();
            var form = page.QuerySelector("header form[role=search]");
            Assert.True(form is not null, path);
            Assert.Equal("/search", form!.GetAttribute("action"));
            Assert.Equal("get", form.GetAttribute("method"));
            Assert.NotNull(form.QuerySelector("input[type=search][name=q]"));
            Assert.NotNull(page.QuerySelector($"label[for={form.QuerySelector("input")!.Id}]"));
        }

        var empty = await (await app.CreateReaderClient().GetAsync("/search")).HtmlAsync();
        Assert.Null(empty.QuerySelector(".search-none"));
        Assert.Equal("noindex", empty.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task RelatedArticlesShareTopicsOrWords()
    {
        var topic = "Related " + Word();
        var word = Word();
        var story = await PublishAsync(new { headline = $"Glacier {word} retreats faster", topics = new[] { topic }, bodyMarkdown = "Ice." });
        var sameTopic = await PublishAsync(new { headline = "Mountain huts close early", topics = new[] { topic }, bodyMarkdown = "Huts." });
        var sameWords = await PublishAsync(new { headline = $"Why the {word} glacier matters", bodyMarkdown = "Ice again." });
        var unrelated = await PublishAsync(new { headline = "Cup final tickets " + Word(), bodyMarkdown = "Football." });
        var draft = await Admin().CreateArticleAsync(new { headline = $"Draft glacier {word}", topics = new[] { topic }, authors = new[] { "Ed Itor" }, bodyMarkdown = "Not yet." });

        var page = await (await app.CreateReaderClient().GetAsync(Http.PathOf(story))).HtmlAsync();
        var related = page.QuerySelectorAll(".related li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(Http.PathOf(sameTopic), related);
        Assert.Contains(Http.PathOf(sameWords), related);
        Assert.DoesNotContain(Http.PathOf(unrelated), related);
        Assert.DoesNotContain(Http.PathOf(story), related);
        // A draft has no public path to compare with; its headline must not be among the links.
        Assert.DoesNotContain(page.QuerySelectorAll(".related li a"), a => a.TextContent.Contains(draft.GetProperty("headline").GetString()!, StringComparison.Ordinal));
        Assert.True(related.Count <= 4);
    }

    [Fact]
    public async Task ARelatedArticleUnpublishedLeavesTheCachedPage()
    {
        var topic = "Evict " + Word();
        var story = await PublishAsync(new { headline = "Tram line opens " + Word(), topics = new[] { topic }, bodyMarkdown = "Trams." });
        var other = await PublishAsync(new { headline = "Tram fares rise " + Word(), topics = new[] { topic }, bodyMarkdown = "Fares." });
        var reader = app.CreateReaderClient();
        Assert.Contains(Http.PathOf(other), (await (await reader.GetAsync(Http.PathOf(story))).HtmlAsync()).QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")));

        await Admin().PatchJsonAsync($"/api/newsroom/articles/{other.GetProperty("id").GetInt32()}", new { status = "draft" });
        Assert.DoesNotContain(Http.PathOf(other), (await (await reader.GetAsync(Http.PathOf(story))).HtmlAsync()).QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task ARelatedArticleUnpublishedOrScheduledOnAnotherInstanceIsNotShownHere()
    {
        // Two servers on one database. This one renders every page afresh but remembers which
        // articles are related; the other one takes the related article down.
        using var database = new TestDatabase(app.Database.Provider);
        await using var here = new DatelineApp(database) { Settings = { ["Dateline:PageCache"] = "false" } };
        await using var elsewhere = new DatelineApp(database);
        var editor = elsewhere.CreateClient(await elsewhere.CreateApiKeyAsync("editor"));
        var topic = "Shared " + Word();
        var story = await editor.CreateArticleAsync(new { headline = "Ferry returns " + Word(), topics = new[] { topic }, authors = new[] { "Sam Searcher" }, status = "published" });
        var related = await editor.CreateArticleAsync(new { headline = "Ferry timetable " + Word(), topics = new[] { topic }, authors = new[] { "Sam Searcher" }, status = "published" });
        var relatedId = related.GetProperty("id").GetInt32();
        var reader = here.CreateReaderClient();

        async Task<List<string?>> RelatedLinksAsync()
        {
            var response = await reader.GetAsync(Http.PathOf(story));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. (await response.HtmlAsync()).QuerySelectorAll(".related a").Select(a => a.GetAttribute("href"))];
        }

        Assert.Contains(Http.PathOf(related), await RelatedLinksAsync());

        var embargoed = "Embargoed " + Word();
        Assert.Equal(HttpStatusCode.OK, (await editor.PatchJsonAsync($"/api/newsroom/articles/{relatedId}", new
        {
            headline = embargoed,
            status = "scheduled",
            publishedAt = DateTime.UtcNow.AddDays(30),
        })).StatusCode);
        var page = await reader.GetStringAsync(Http.PathOf(story));
        Assert.DoesNotContain(embargoed, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Http.PathOf(related), await RelatedLinksAsync());

        Assert.Equal(HttpStatusCode.OK, (await editor.PatchJsonAsync($"/api/newsroom/articles/{relatedId}", new { status = "draft" })).StatusCode);
        Assert.DoesNotContain(Http.PathOf(related), await RelatedLinksAsync());
    }

    private HttpClient Admin() => admin ??= app.CreateClient(app.CreateApiKeyAsync("admin").GetAwaiter().GetResult());

    private Task<JsonElement> PublishAsync(object fields)
    {
        var json = JsonSerializer.SerializeToNode(fields)!.AsObject();
        json.TryAdd("status", "published");
        json.TryAdd("authors", new System.Text.Json.Nodes.JsonArray("Sam Searcher"));
        return Admin().CreateArticleAsync(json);
    }

    private async Task<IDocument> SearchAsync(string query)
    {
        var response = await app.CreateReaderClient().GetAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.HtmlAsync();
    }

    private async Task<List<string>> SearchLinksAsync(string queryString)
    {
        var response = await app.CreateReaderClient().GetAsync("/search?" + queryString);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Links(await response.HtmlAsync());
    }

    private static List<string> Links(IDocument page) =>
        [.. page.QuerySelectorAll(".search-results .summary-headline a").Select(a => a.GetAttribute("href")!)];

    private static string JsonSlug(JsonElement article, string property) =>
        article.GetProperty(property)[0].GetProperty("slug").GetString()!;

    /// <summary>A made-up word of letters only, found in no other test's articles.</summary>
    private static string Word() =>
        "zq" + new string([.. Guid.NewGuid().ToString("N")[..9].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);
}

public sealed class SearchOnSqlite(SqliteApp app) : SearchTests(app), IClassFixture<SqliteApp>;

public sealed class SearchOnPostgres(PostgresApp app) : SearchTests(app), IClassFixture<PostgresApp>;
