using Dateline.Data;
using Dateline.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dateline.TestSupport;

/// <summary>The whole app on a test server, on a fresh database of the given provider.</summary>
public class DatelineApp : WebApplicationFactory<Program>
{
    private readonly bool ownsDatabase;

    public DatelineApp(Provider provider)
        : this(new TestDatabase(provider), ownsDatabase: true)
    {
    }

    /// <summary>An app over an existing database, to check what survives a restart.</summary>
    public DatelineApp(TestDatabase database, bool ownsDatabase = false)
    {
        Database = database;
        this.ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    /// <summary>Settings beyond the database's, applied when the host starts (set them before).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The clock the app runs on instead of the system's (set it before the host starts), for tests that drive time.</summary>
    public TimeProvider? Time { get; set; }

    /// <summary>
    /// Whether the test server runs each request in the test's own async context (set it before
    /// the host starts), so that an <see cref="AsyncLocal{T}"/> the test sets reaches the app,
    /// for example to tell the test's own requests' database commands from others (<see cref="EfCommandEvents"/>).
    /// </summary>
    public bool PreserveExecutionContext { get; set; }

    /// <summary>What the app logged at Information and above.</summary>
    public LogSink Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestRemoteIp>());
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information));
        if (Time is { } time)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }

        if (PreserveExecutionContext)
        {
            builder.ConfigureTestServices(services => services.Configure<TestServerOptions>(o => o.PreserveExecutionContext = true));
        }

        foreach (var (key, value) in Database.Settings().Concat(Settings))
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Creates an API key with a role straight in the database and returns it.</summary>
    public async Task<string> CreateApiKeyAsync(string role)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var (key, prefix, hash) = ApiKeySecrets.Create();
        db.ApiKeys.Add(new ApiKey { Name = $"test {role}", Role = role, Prefix = prefix, SecretHash = hash, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return key;
    }

    public HttpClient CreateClient(string apiKey)
    {
        var client = CreateReaderClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    // The base address follows the server: the test server's, or Kestrel's port once started.
    public HttpClient CreateReaderClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase)
        {
            Database.Dispose();
        }
    }
}
