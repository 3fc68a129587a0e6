using System.Security.Cryptography;
using AngleSharp.Dom;
using Dateline.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.TestSupport;

/// <summary>Drives the newsroom as a browser does: accounts, signing in, and forms with their antiforgery tokens.</summary>
public static class Staff
{
    public const string Password = "a long enough password";

    /// <summary>Adds a newsroom user with a unique address; returns the address.</summary>
    public static async Task<string> AddUserAsync(this DatelineApp app, string role, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"{role}-{Guid.NewGuid():N}@example.org";
        using var scope = app.Services.CreateScope();
        var errors = await scope.ServiceProvider.GetRequiredService<NewsroomUsers>().AddAsync(email, name ?? $"{role} {Guid.NewGuid():N}"[..24], role, Password, default);
        Assert.True(errors.IsEmpty, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return email;
    }

    /// <summary>A browser that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Browser(this DatelineApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = app.ClientOptions.BaseAddress });
    }

    /// <summary>A browser signed in as a new user of the role.</summary>
    public static async Task<(HttpClient Browser, string Email)> SignedInAsync(this DatelineApp app, string role)
    {
        var email = await app.AddUserAsync(role);
        var browser = app.Browser();
        var response = await browser.SubmitFormAsync("/newsroom/login", new() { ["email"] = email, ["password"] = Password });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}");
        return (browser, email);
    }

    /// <summary>
    /// Opens a page, fills its form (the first, or the one matching the selector) with the given
    /// values over its own hidden fields, antiforgery token included, and posts it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient browser, string path, Dictionary<string, string> values, string formSelector = "main form")
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(values);
        var page = await (await browser.GetAsync(path)).HtmlAsync();
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"{path} has no form matching {formSelector}");
        return await browser.PostFormAsync(form, path, values);
    }

    /// <summary>Posts a form already on a page, with its hidden fields and the given values.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, IElement form, string pagePath, Dictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(values);
        var fields = form.QuerySelectorAll("input[type='hidden']")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        var action = form.GetAttribute("action");
        return await browser.PostAsync(string.IsNullOrEmpty(action) ? pagePath : action, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Posts a form already on a page with fields that may repeat (checkboxes of one name), as a
    /// browser does; the form's hidden fields go too, except those the given fields replace.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormFieldsAsync(this HttpClient browser, IElement form, string pagePath, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(fields);
        var given = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var hidden = form.QuerySelectorAll("input[type='hidden']")
            .Where(i => i.GetAttribute("name") is { } name && !given.Contains(name))
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        var action = form.GetAttribute("action");
        return await browser.PostAsync(string.IsNullOrEmpty(action) ? pagePath : action, new FormUrlEncodedContent([.. hidden, .. fields]));
    }

    /// <summary>The current RFC 6238 code (30 s, 6 digits, HMAC-SHA1) for an authenticator key in base 32.</summary>
    public static string Totp(string base32Key, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        var key = Base32(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = new byte[8];
        for (var i = 7; i >= 0; i--, counter >>= 8)
        {
            message[i] = (byte)(counter & 0xff);
        }

        // RFC 6238 authenticator apps use HMAC-SHA1; the test must compute what they compute.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)((buffer >> (bits - 8)) & 0xff));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
