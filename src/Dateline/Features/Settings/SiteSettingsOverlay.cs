using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Dateline.Features.Settings;

/// <summary>
/// Lays the site settings saved in the database over the configured <see cref="DatelineOptions"/>,
/// and tells <see cref="IOptionsMonitor{TOptions}"/> when they change, so that every reader of
/// <c>CurrentValue</c> sees a saved title or time zone at once, without a restart. The named
/// options <see cref="ConfiguredName"/> stay as configuration alone has them.
/// </summary>
public sealed partial class SiteSettingsOverlay(ILogger<SiteSettingsOverlay> logger)
    : IPostConfigureOptions<DatelineOptions>, IOptionsChangeTokenSource<DatelineOptions>, IDisposable
{
    public const string ConfiguredName = "configured";

    private readonly Lock gate = new();
    private FrozenDictionary<string, string> rows = FrozenDictionary<string, string>.Empty;
    private CancellationTokenSource changed = new();
    private long reads;
    private long readInForce;

    /// <summary>The stored values in effect, by key.</summary>
    public IReadOnlyDictionary<string, string> Rows => rows;

    string? IOptionsChangeTokenSource<DatelineOptions>.Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => new CancellationChangeToken(changed.Token);

    public void PostConfigure(string? name, DatelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != Options.DefaultName)
        {
            return;
        }

        foreach (var (key, value) in rows)
        {
            SiteSettings.Apply(options, key, value);
        }
    }

    /// <summary>
    /// Numbers a read of the stored rows; take it just before reading. The rows of a read are
    /// applied only if no later read's are in force already: the periodic refresh may read just
    /// before a save commits and finish just after the save applied its own read, and must not
    /// put the old values back then.
    /// </summary>
    public long BeginRead() => Interlocked.Increment(ref reads);

    /// <summary>Takes rows read just now; see <see cref="Apply(IReadOnlyDictionary{string, string}, long)"/>.</summary>
    public bool Apply(IReadOnlyDictionary<string, string> stored) => Apply(stored, BeginRead());

    /// <summary>
    /// Takes the site settings rows as read from the database under <paramref name="read"/>
    /// (<see cref="BeginRead"/>); returns whether anything changed, which is never the case for
    /// rows older than those in force. A value that fails the rules (a time zone this machine does
    /// not know) is left out, so that it cannot make every page fail; configuration's value stays
    /// in force.
    /// </summary>
    public bool Apply(IReadOnlyDictionary<string, string> stored, long read)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var accepted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in SiteSettings.Keys)
        {
            if (!stored.TryGetValue(key, out var value))
            {
                continue;
            }

            var errors = new Web.FieldErrors();
            var checkedValue = SiteSettings.CheckValue(key, value, errors);
            if (errors.IsEmpty)
            {
                accepted[key] = checkedValue;
            }
            else
            {
                LogIgnored(logger, key, string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)));
            }
        }

        lock (gate)
        {
            if (read < readInForce)
            {
                return false;
            }

            readInForce = read;
            if (accepted.Count == rows.Count && accepted.All(a => rows.TryGetValue(a.Key, out var v) && v == a.Value))
            {
                return false;
            }

            rows = accepted.ToFrozenDictionary(StringComparer.Ordinal);
            var previous = changed;
            changed = new CancellationTokenSource();
            previous.Cancel();
            previous.Dispose();
            return true;
        }
    }

    public void Dispose() => changed.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored site setting {Key} is not usable here and is ignored: {Problem}")]
    private static partial void LogIgnored(ILogger logger, string key, string problem);
}
