using Dateline.Features.Comments;

namespace Dateline.Features.Privacy;

/// <summary>Erases commenters' IP addresses and user agents once they are older than the setting allows.</summary>
internal sealed partial class AddressEraser(IServiceProvider services, ILogger<AddressEraser> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await services.GetRequiredService<Data.DatabaseMigrator>().MigratedAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                using var scope = services.CreateScope();
                var settings = await scope.ServiceProvider.GetRequiredService<DiscussionSettingsStore>().GetAsync(stoppingToken);
                var erased = await scope.ServiceProvider.GetRequiredService<CommenterData>().EraseOldAddressesAsync(settings.EraseIpAfterDays, stoppingToken);
                if (erased > 0)
                {
                    LogErased(logger, erased, settings.EraseIpAfterDays);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly away must not end the service; the next hour tries again.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the addresses of {Count} comments older than {Days} days")]
    private static partial void LogErased(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasing old comment addresses failed; will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
