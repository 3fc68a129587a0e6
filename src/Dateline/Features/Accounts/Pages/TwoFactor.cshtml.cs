using System.Text;
using Dateline.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Dateline.Features.Accounts.Pages;

/// <summary>
/// Turns TOTP two-step sign-in on and off for the signed-in user, with Identity's authenticator
/// key and recovery codes. The QR code is drawn on the server, so no script or outside service is needed.
/// </summary>
public sealed class TwoFactorModel(UserManager<NewsroomUser> users, SignInManager<NewsroomUser> signIn, PageMeta meta, IOptionsMonitor<DatelineOptions> options) : PageModel
{
    private const int RecoveryCodeCount = 10;

    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAsync(await CurrentAsync());

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var user = await CurrentAsync();
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            Message = "That code is not right. Check the clock on your phone, and try the current code.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user);
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostNewCodesAsync()
    {
        var user = await CurrentAsync();
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        }

        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostDisableAsync(string? password)
    {
        var user = await CurrentAsync();
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            Message = "That password is not right.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so that a phone that had the old one cannot be used if it is turned on again.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return await ShowAsync(user);
    }

    private async Task<NewsroomUser> CurrentAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    private async Task<PageResult> ShowAsync(NewsroomUser user)
    {
        meta.Title = "Two-step sign-in";
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            }

            FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
            var issuer = Uri.EscapeDataString(options.CurrentValue.SiteTitle);
            var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? "")}?secret={key}&issuer={issuer}&digits=6";
            using var data = QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(uri), QRCodeGenerator.ECCLevel.M);
            QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        }

        return Page();
    }
}
