using Dateline.Data;

namespace Dateline.Features.Mail;

/// <summary>Adds messages to the outbox, in the caller's unit of work.</summary>
public sealed class Outbox(DatelineDbContext db, SiteClock clock)
{
    public void Enqueue(string to, string subject, string textBody)
    {
        var now = clock.UtcNow;
        db.Set<OutgoingMail>().Add(new OutgoingMail { To = to, Subject = subject, TextBody = textBody, CreatedAt = now, NextAttemptAt = now });
    }
}
