using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Dateline.Features.Comments;

/// <summary>
/// The signed (data-protected) cookies a commenter's browser carries: its commenter key and the
/// ids of its comments still held, and, when the reader asked, the name, e-mail and website to
/// fill in next time. The form stamp that times a submission is protected the same way.
/// </summary>
public sealed class CommenterCookies(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CommenterName = "dl_commenter";
    public const string RememberName = "dl_remember";
    private const int MaxHeld = 20;

    private readonly IDataProtector commenter = protection.CreateProtector("Dateline.Comments.Commenter");
    private readonly IDataProtector remember = protection.CreateProtector("Dateline.Comments.Remember");
    private readonly IDataProtector stamp = protection.CreateProtector("Dateline.Comments.FormStamp");

    public CommenterState? ReadCommenter(HttpRequest request) => Read<CommenterState>(request, CommenterName, commenter);

    public RememberedCommenter? ReadRemembered(HttpRequest request) => Read<RememberedCommenter>(request, RememberName, remember);

    /// <summary>Whether pages for this browser differ from everyone else's: a held comment, or saved details.</summary>
    public bool HasPersonalParts(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.ContainsKey(RememberName) || ReadCommenter(request) is { Held.Count: > 0 };
    }

    /// <summary>A new browser gets its key before its first comment, so that the comment carries it.</summary>
    public static CommenterState NewCommenter() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), []);

    /// <summary>Stores the browser's commenter key, with the id of a comment that is now held.</summary>
    public void SaveCommenter(HttpContext http, CommenterState state, int? heldCommentId)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(state);
        if (heldCommentId is { } id)
        {
            state = state with { Held = [.. state.Held.Append(id).TakeLast(MaxHeld)] };
        }

        Write(http, CommenterName, commenter, state);
    }

    public void SaveRemembered(HttpContext http, RememberedCommenter? remembered)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (remembered is null)
        {
            http.Response.Cookies.Delete(RememberName);
        }
        else
        {
            Write(http, RememberName, remember, remembered);
        }
    }

    /// <summary>The value stored with comments: a hash, so that the database never holds a usable key.</summary>
    public static string KeyHash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public string NewStamp() => stamp.Protect(time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>When the form was rendered; a missing or forged stamp counts as "just now".</summary>
    public DateTime StampTime(string? value)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (string.IsNullOrEmpty(value))
        {
            return now;
        }

        try
        {
            return long.TryParse(stamp.Unprotect(value), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= now.Ticks
                ? new DateTime(ticks, DateTimeKind.Utc)
                : now;
        }
        catch (CryptographicException)
        {
            return now;
        }
    }

    private static T? Read<T>(HttpRequest request, string name, IDataProtector protector)
        where T : class
    {
        if (!request.Cookies.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(protector.Unprotect(value));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private void Write<T>(HttpContext http, string name, IDataProtector protector, T value) =>
        http.Response.Cookies.Append(name, protector.Protect(JsonSerializer.Serialize(value)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            Path = "/",
            Expires = time.GetUtcNow().AddYears(1),
        });
}
