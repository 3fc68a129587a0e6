using System.Net;
using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dateline.IntegrationTests.Articles;

/// <summary>
/// The scheduler on a clock the test drives: time moves only when the test says so, and the test
/// runs the scheduler's tick itself instead of waiting for its timer.
/// </summary>
/// <remarks>
/// Advancing the clock also fires the service's own timer, so a tick of its own may run first.
/// The scheduler's gate lets one tick run at a time, and a tick finds nothing left to do once
/// another has done it, so the outcome each test checks is the same either way.
/// </remarks>
public abstract class ScheduledPublisherTests(Provider provider)
{
    private static object Scheduled(string headline, DateTimeOffset at) => new
    {
        headline,
        authors = new[] { "A. Scheduler" },
        bodyMarkdown = "Written ahead of time.",
        status = "scheduled",
        publishedAt = at.UtcDateTime,
    };

    private static async Task<Article> ReadAsync(DatelineApp app, int id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Articles.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    private static async Task<List<(string SavedBy, string Summary)>> RevisionsAsync(DatelineApp app, int id)
    {
        using var scope = app.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().ArticleRevisions
            .Where(r => r.ArticleId == id).OrderBy(r => r.Number).Select(r => new { r.SavedBy, r.Summary }).ToListAsync();
        return [.. rows.Select(r => (r.SavedBy, r.Summary))];
    }

    [Fact]
    public async Task AScheduledArticleIsPublishedWhenItsTimeComesAndItsCachedPagesAreEvicted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new DatelineApp(provider) { Time = clock };
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var headline = $"Embargoed Until Noon {Guid.NewGuid():N}";
        var created = await client.CreateArticleAsync(Scheduled(headline, clock.GetUtcNow().AddHours(1)));
        var id = created.GetProperty("id").GetInt32();
        var path = Http.PathOf(created);
        var reader = app.CreateReaderClient();
        Assert.DoesNotContain(headline, await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);

        var publisher = app.Services.GetRequiredService<ScheduledPublisher>();
        clock.Advance(TimeSpan.FromMinutes(59));
        await publisher.PublishDueAsync(CancellationToken.None);
        Assert.Equal(ArticleStatus.Scheduled, (await ReadAsync(app, id)).Status);
        Assert.DoesNotContain(headline, await reader.GetStringAsync("/"), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(2));
        await publisher.PublishDueAsync(CancellationToken.None);
        var article = await ReadAsync(app, id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(article.PublishedAt, article.UpdatedAt);
        Assert.Contains(headline, await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
        Assert.Equal(("system:scheduler", "Published as scheduled"), (await RevisionsAsync(app, id))[^1]);

        // Nothing more to do: a later tick publishes nothing and keeps no revision.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await publisher.PublishDueAsync(CancellationToken.None));
        Assert.Equal(2, (await RevisionsAsync(app, id)).Count);
    }

    [Fact]
    public async Task AnArticleThatAnotherInstancePublishedIsEvictedHereToo()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new DatelineApp(provider) { Time = clock };
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var headline = $"Published Elsewhere {Guid.NewGuid():N}";
        var id = (await client.CreateArticleAsync(Scheduled(headline, clock.GetUtcNow().AddMinutes(10)))).GetProperty("id").GetInt32();
        var reader = app.CreateReaderClient();
        Assert.DoesNotContain(headline, await reader.GetStringAsync("/"), StringComparison.Ordinal);

        // The other instance's flip, written behind this one's back.
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Articles.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ArticleStatus.Published));
        }

        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(0, await app.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(CancellationToken.None));
        Assert.Contains(headline, await reader.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTickLeavesCachedTheArticlesPublishedHereAndEvictsWhatBecameVisibleSince()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new DatelineApp(provider) { Time = clock };
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var publisher = app.Services.GetRequiredService<ScheduledPublisher>();
        clock.Advance(TimeSpan.FromSeconds(1));
        var headline = $"Out At Once {Guid.NewGuid():N}";
        var created = await client.CreateArticleAsync(new { headline, authors = new[] { "A. Scheduler" }, status = "published" });
        var id = created.GetProperty("id").GetInt32();
        var path = Http.PathOf(created);
        // Published with a time a little ahead, which the editor allows: out when that time comes.
        var later = $"Out In Half A Minute {Guid.NewGuid():N}";
        await client.CreateArticleAsync(new { headline = later, authors = new[] { "A. Scheduler" }, status = "published", publishedAt = clock.GetUtcNow().AddSeconds(30).UtcDateTime });
        var reader = app.CreateReaderClient();
        Assert.Contains(headline, await reader.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Contains(headline, await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain(later, await reader.GetStringAsync("/"), StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Articles.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, "Renamed Behind The Back"));
        }

        // Its pages were evicted when it was published here: the tick leaves the cached ones alone.
        clock.Advance(ScheduledPublisher.Interval);
        Assert.Equal(0, await publisher.PublishDueAsync(CancellationToken.None));
        Assert.Contains(headline, await reader.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Contains(headline, await reader.GetStringAsync("/"), StringComparison.Ordinal);

        // The other one's time came after its save evicted the lists: the tick evicts them now.
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, await publisher.PublishDueAsync(CancellationToken.None));
        var home = await reader.GetStringAsync("/");
        Assert.Contains(later, home, StringComparison.Ordinal);
        Assert.Contains("Renamed Behind The Back", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArticleUnpublishedHereAndRepublishedOnAnotherInstanceIsEvictedHereByTheTick()
    {
        using var database = new TestDatabase(provider);
        var start = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(start);
        await using var here = new DatelineApp(database) { Time = clock };
        await using var elsewhere = new DatelineApp(database) { Time = new FakeTimeProvider(start) };
        var editor = here.CreateClient(await here.CreateApiKeyAsync("editor"));
        clock.Advance(TimeSpan.FromSeconds(1));
        var headline = $"Back Again {Guid.NewGuid():N}";
        var id = (await editor.CreateArticleAsync(new { headline, authors = new[] { "A. Scheduler" }, status = "published" })).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await editor.PatchJsonAsync($"/api/newsroom/articles/{id}", new { status = "draft" })).StatusCode);
        var reader = here.CreateReaderClient();
        Assert.DoesNotContain(headline, await reader.GetStringAsync("/"), StringComparison.Ordinal);

        // Published again elsewhere: it keeps its first publication time, which is before this
        // instance's last eviction of it, but this instance never saw the new version.
        var other = elsewhere.CreateClient(await elsewhere.CreateApiKeyAsync("editor"));
        Assert.Equal(HttpStatusCode.OK, (await other.PatchJsonAsync($"/api/newsroom/articles/{id}", new { status = "published" })).StatusCode);
        Assert.Equal(start.AddSeconds(1).UtcDateTime, (await ReadAsync(here, id)).PublishedAt!.Value, TimeSpan.FromMilliseconds(1));

        clock.Advance(ScheduledPublisher.Interval);
        await here.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(CancellationToken.None);
        Assert.Contains(headline, await reader.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArticleDueWhileTheServerWasDownIsPublishedAsItStarts()
    {
        using var database = new TestDatabase(provider);
        var start = DateTimeOffset.UtcNow;
        int id;
        await using (var before = new DatelineApp(database) { Time = new FakeTimeProvider(start) })
        {
            var client = before.CreateClient(await before.CreateApiKeyAsync("editor"));
            id = (await client.CreateArticleAsync(Scheduled("Due During The Outage", start.AddHours(1)))).GetProperty("id").GetInt32();
        }

        await using var after = new DatelineApp(database) { Time = new FakeTimeProvider(start.AddHours(3)) };
        var article = await ReadAsync(after, id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(start.AddHours(1).UtcDateTime, article.UpdatedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(("system:scheduler", "Published as scheduled"), (await RevisionsAsync(after, id))[^1]);
    }

    [Fact]
    public async Task TwoInstancesTickingAtOncePublishEachArticleOnce()
    {
        using var database = new TestDatabase(provider);
        var start = DateTimeOffset.UtcNow;
        var firstClock = new FakeTimeProvider(start);
        var secondClock = new FakeTimeProvider(start);
        await using var first = new DatelineApp(database) { Time = firstClock };
        await using var second = new DatelineApp(database) { Time = secondClock };
        var client = first.CreateClient(await first.CreateApiKeyAsync("editor"));
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await client.CreateArticleAsync(Scheduled($"Race {i}", start.AddMinutes(5)))).GetProperty("id").GetInt32());
        }

        _ = second.Services;
        firstClock.Advance(TimeSpan.FromMinutes(6));
        secondClock.Advance(TimeSpan.FromMinutes(6));
        await Task.WhenAll(
            first.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(CancellationToken.None),
            second.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(CancellationToken.None));

        foreach (var id in ids)
        {
            Assert.Equal(ArticleStatus.Published, (await ReadAsync(first, id)).Status);
            Assert.Single(await RevisionsAsync(first, id), r => r.SavedBy == "system:scheduler");
        }
    }
}

public sealed class ScheduledPublisherOnSqlite() : ScheduledPublisherTests(Provider.Sqlite);

public sealed class ScheduledPublisherOnPostgres() : ScheduledPublisherTests(Provider.Postgres);
