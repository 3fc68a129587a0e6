using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Dateline.Features.Mail;

/// <summary>
/// Signed links for confirming and ending a reply subscription. The token is the subscription's
/// id protected with the site's keys, so nothing secret needs storing and every mail can carry one.
/// </summary>
public sealed class SubscriptionLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector confirm = protection.CreateProtector("Dateline.Comments.Subscription.Confirm");
    private readonly IDataProtector unsubscribe = protection.CreateProtector("Dateline.Comments.Subscription.Unsubscribe");

    public string ConfirmUrl(string baseUrl, int subscriptionId) =>
        $"{baseUrl}/comments/subscriptions/confirm?token={Uri.EscapeDataString(confirm.Protect(Id(subscriptionId)))}";

    public string UnsubscribeUrl(string baseUrl, int subscriptionId) =>
        $"{baseUrl}/comments/subscriptions/unsubscribe?token={Uri.EscapeDataString(unsubscribe.Protect(Id(subscriptionId)))}";

    /// <summary>The subscription a token names, or null when it was forged, mangled or meant for the other action.</summary>
    public int? Read(string action, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var protector = action == "confirm" ? confirm : unsubscribe;
            return int.TryParse(protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
