using System.Text;
using Dateline.Features.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Accounts;

/// <summary>
/// The mailed link to /newsroom/reset, where an account's owner chooses a password: after a
/// forgotten one, and for a new account an admin made without one. The message joins the
/// caller's unit of work; the caller saves it.
/// </summary>
public sealed class PasswordMail(UserManager<NewsroomUser> users, Outbox outbox, IOptionsMonitor<DatelineOptions> options)
{
    public async Task EnqueueResetAsync(NewsroomUser user, string baseUrl)
    {
        var (to, link) = await LinkAsync(user, baseUrl);
        var site = options.CurrentValue.SiteTitle;
        outbox.Enqueue(to, $"[{site}] Reset your newsroom password", $"""
            Someone asked to reset the password of your {site} newsroom account.
            Choose a new password here (the link works for three hours, once):
            {link}

            If it was not you, ignore this message: your password stays as it is.
            """);
    }

    public async Task EnqueueWelcomeAsync(NewsroomUser user, string baseUrl)
    {
        var (to, link) = await LinkAsync(user, baseUrl);
        var site = options.CurrentValue.SiteTitle;
        outbox.Enqueue(to, $"[{site}] Choose the password for your newsroom account", $"""
            An admin of {site} has made you a newsroom account for this address.
            Choose your password here (the link works for three hours, once):
            {link}

            If the link has expired, ask for a new one at {baseUrl}/newsroom/forgot.
            """);
    }

    private async Task<(string To, string Link)> LinkAsync(NewsroomUser user, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(user);
        var email = user.Email ?? throw new InvalidOperationException("A newsroom account always has an e-mail address.");
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        return (email, $"{baseUrl}/newsroom/reset?email={Uri.EscapeDataString(email)}&token={token}");
    }
}
