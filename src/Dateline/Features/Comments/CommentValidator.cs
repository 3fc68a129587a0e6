using System.Net.Mail;
using Dateline.Web;

namespace Dateline.Features.Comments;

/// <summary>The one set of field rules for a comment, used by the HTML form and the JSON API.</summary>
public static class CommentValidator
{
    /// <summary>
    /// Checks and normalizes the input; the result carries trimmed values. Readers must give an
    /// address; a newsroom user replying or editing a comment gives none, but one given is checked.
    /// </summary>
    public static CommentInput Validate(CommentInput input, FieldErrors errors, bool emailRequired = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        var body = TextRules.Check(input.Body, "body", CommentLimits.Body, errors, required: true, multiline: true);
        var name = TextRules.Check(input.Name, "name", CommentLimits.Name, errors, required: true);
        var email = TextRules.Check(input.Email, "email", CommentLimits.Email, errors, required: emailRequired);
        if (email is not null && !errors.Has("email") && !IsEmail(email))
        {
            errors.Add("email", "Enter a valid e-mail address, such as name@example.org.");
        }

        var url = TextRules.Check(input.Url, "url", CommentLimits.Url, errors);
        if (url is not null && !errors.Has("url"))
        {
            // WordPress stores "example.org" as "http://example.org"; any other scheme is refused.
            if (!url.Contains("://", StringComparison.Ordinal))
            {
                url = "http://" + url;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || string.IsNullOrEmpty(uri.Host) || !uri.Host.Contains('.', StringComparison.Ordinal) || url.Length > CommentLimits.Url)
            {
                errors.Add("url", "Enter a web address starting with http:// or https://, or leave it empty.");
            }
        }

        return input with { Body = body, Name = name, Email = email, Url = url };
    }

    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !email.Any(char.IsWhiteSpace);
}
