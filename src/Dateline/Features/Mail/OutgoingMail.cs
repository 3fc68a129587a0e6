namespace Dateline.Features.Mail;

/// <summary>
/// A message waiting in the database for the sender. Posting a comment only adds a row here, so
/// it never waits for SMTP, and a restart loses nothing.
/// </summary>
public sealed class OutgoingMail
{
    public int Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
