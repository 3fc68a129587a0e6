using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Comments;

/// <summary>
/// Per-address limits on posting, beside the flood rule: a burst of robots meets 429 early. One
/// limiter counts both ways in (the form and JSON), so alternating between them gains nothing,
/// and the poster applies it, so that a refused reader gets their text back like any refusal.
/// </summary>
public sealed class CommentRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public CommentRateLimits(IOptions<DatelineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var permits = Math.Max(1, options.Value.CommentPostsPerMinute);
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>Takes one post from the address's allowance; when none is left, says how long to wait.</summary>
    public bool TryTake(string? address, out int retryAfterSeconds)
    {
        using var lease = limiter.AttemptAcquire(address ?? "unknown");
        retryAfterSeconds = lease.IsAcquired ? 0
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
