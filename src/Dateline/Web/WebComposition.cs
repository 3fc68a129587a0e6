using Dateline.Features.Import;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Articles;
using Dateline.Features.Articles.Revisions;
using Dateline.Features.Comments;
using Dateline.Features.Corrections;
using Dateline.Features.Feeds;
using Dateline.Features.Media;
using Dateline.Features.Privacy;
using Dateline.Features.Settings;
using Dateline.Features.Sitemaps;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Dateline.Web;

/// <summary>Builds the web application: the same composition serves `dotnet run`, `serve` and tests.</summary>
public static class WebComposition
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The app's own files come from its own folder, whatever the working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(overrides);

        // Serve wwwroot from the project during development runs in any environment; published
        // output carries its own manifest, so this is a no-op there.
        builder.WebHost.UseStaticWebAssets();
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddDatelineCore(builder.Configuration);
        builder.Services.AddProblemDetails();
        // The server listens while the database's start runs (Web/StartupGate.cs holds early
        // requests); the services that read the database at start wait for the migrator themselves.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        // Write non-Latin text as characters, not numeric entities; the encoder still escapes markup.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddApiKeyAuthentication();
        builder.Services.AddNewsroomAuthentication();
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            // The "Leave a Reply" form posts to /comments, handled by the article page.
            o.Conventions.AddPageRoute("/Articles/Pages/ArticlePage", "comments");
            o.Conventions.Add(new NewsroomAuthentication.PageConvention());
            o.Conventions.AddPageRouteModelConvention(Features.StaticPages.StaticPageRoutes.PageName, Features.StaticPages.StaticPageRoutes.ReadOnly);
        });
        builder.Services.AddOpenApi();
        // A real query, not just a connection: an empty or vanished database is not healthy.
        builder.Services.AddHealthChecks().AddDbContextCheck<DatelineDbContext>("database",
            customTestQuery: async (db, ct) =>
            {
                await db.Settings.AnyAsync(ct);
                return true;
            });
        builder.Services.AddSingleton<SiteUrls>();
        builder.Services.AddSingleton<Features.Feeds.FeedSite>();
        builder.Services.AddScoped<PageMeta>();
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrator>());
        builder.Services.AddHostedService<SqliteStatistics>();
        builder.Services.AddSiteSettingsRefresher();
        builder.Services.AddHostedService<SetupAnnouncement>();
        builder.Services.AddHostedService<Features.Privacy.AddressEraser>();
        builder.Services.AddSingleton<Features.Mail.MailSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Features.Mail.MailSender>());
        // After the migrator, whose start it needs; the web host only, as the command line publishes nothing on time.
        builder.Services.AddSingleton<ScheduledPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());

        var app = builder.Build();
        app.Services.GetRequiredService<DatabaseMigrator>().Begin();
        app.UseDatelineErrors();
        app.UseStartupGate();
        app.UseOldAddressRedirects();
        app.UseSecurityHeaders();
        app.UseTrailingSlashRedirects();
        app.UseMediaFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.UseSharedAnswers();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapArticlesApi();
        app.MapNewsroomArticlesApi();
        app.MapMediaApi();
        app.MapArticleRevisionsApi();
        app.MapCommentsApi();
        app.MapCommentModerationApi();
        app.MapDiscussionSettingsApi();
        app.MapPrivacyApi();
        app.MapCommentFeeds();
        app.MapArticleFeeds();
        app.MapCorrectionsFeed();
        app.MapSitemaps();
        app.MapRobotsTxt();
        app.MapHealthChecks("/healthz");
        app.MapOpenApi();
        return app;
    }

    /// <summary>What the web app and the command line share: options, data, time and the article pipeline.</summary>
    public static IServiceCollection AddDatelineCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatelineOptions>()
            .Bind(configuration.GetSection(DatelineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatelineOptions>, DatelineOptionsValidator>();
        services.AddSiteSettings(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddDatelineDataProtection();
        services.AddSingleton<SiteClock>();
        services.AddSingleton<ArticleMarkdown>();
        services.AddDatelineData();
        services.AddScoped<ArticleEditor>();
        services.AddScoped<Features.Import.TextImporter>();
        services.AddMedia(configuration);
        services.AddScoped<ArticleRevisions>();
        services.AddScoped<NewsroomUsers>();
        services.AddScoped<PasswordMail>();
        services.AddScoped<ApiKeyIssuer>();
        services.AddSingleton<Features.Comments.CommentRenderer>();
        services.AddScoped<Features.Comments.DiscussionSettingsStore>();
        services.AddSingleton<Features.Comments.DiscussionSettingsMemo>();
        services.AddSingleton<Features.Comments.CommentWriteTurns>();
        services.AddScoped<Features.Comments.CommentPoster>();
        services.AddScoped<Features.Comments.CommentModerator>();
        services.AddSingleton<Features.Comments.CommentRateLimits>();
        services.AddSingleton<Features.Comments.CommenterCookies>();
        services.AddScoped<Features.Privacy.CommenterData>();
        services.AddScoped<Features.Mail.Outbox>();
        services.AddScoped<Features.Mail.CommentNotifications>();
        services.AddScoped<Features.Mail.ReplyNotifications>();
        services.AddSingleton<Features.Mail.SubscriptionLinks>();
        services.AddScoped<Features.Comments.AddressConfirmation>();
        services.AddOptions<Features.Mail.SmtpOptions>().Bind(configuration.GetSection(Features.Mail.SmtpOptions.Section));
        services.AddScoped<Features.Archives.ArchiveQueries>();
        services.AddSingleton<Features.Archives.ArchivePageEnds>();
        services.AddScoped<Features.Search.ArticleSearch>();
        services.AddSingleton<Features.Search.RelatedArticlesMemo>();
        services.AddScoped<SitemapQueries>();
        // Registered for the command line too, so that shared feature code can evict; a separate
        // process's evictions reach a running server only through a shared store.
        services.AddOutputCache(o =>
        {
            // /2026/01/02/Story/ must reach the page (and its 301), not the cached /story/.
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(PageCache.PolicyName, new PublicPagePolicy());
        });
        services.AddSingleton<PageCache>();
        services.AddSharedAnswerCompression();
        services.AddIdentityCore<NewsroomUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DatelineDbContext>()
            .AddDefaultTokenProviders();
        return services;
    }
}
