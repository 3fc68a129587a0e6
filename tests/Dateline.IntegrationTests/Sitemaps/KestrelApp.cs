using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Sitemaps;

/// <summary>The app on a real Kestrel socket (127.0.0.1, a free port), for what the test server does not do as Kestrel does.</summary>
public class KestrelApp : DatelineApp
{
    protected KestrelApp(Provider provider)
        : base(provider) => UseKestrel(0);
}

public sealed class KestrelSqliteApp() : KestrelApp(Provider.Sqlite);

public sealed class KestrelPostgresApp() : KestrelApp(Provider.Postgres);
