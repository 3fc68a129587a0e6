namespace Dateline.Features.Settings;

/// <summary>
/// Loads the stored site settings (and the discussion settings) before the server takes requests,
/// then looks again every few seconds, so that a change saved on another instance sharing the
/// database arrives here too.
/// </summary>
public sealed partial class SiteSettingsRefresher(IServiceProvider services, TimeProvider time, ILogger<SiteSettingsRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the host reports it started, so the first page already has the saved title.
        await services.GetRequiredService<Data.DatabaseMigrator>().MigratedAsync(cancellationToken);
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly away must not end the service; the values in force stay.
                LogFailed(logger, e);
            }
        }
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().RefreshAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Comments.DiscussionSettingsStore>().RefreshAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the stored site settings failed; will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
