namespace Dateline.Features.Mail;

/// <summary>Outgoing mail (Dateline:Smtp). Without a host, mail is logged instead of sent.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Dateline:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Dateline <dateline@localhost>";
}
