using Dateline.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dateline.Features.Mail;

/// <summary>
/// Sends the outbox over SMTP with MailKit. A failed message is tried again later, further apart
/// each time (1 minute, then 2, 4… up to a day), and given up after ten tries. Each message is
/// claimed before it is sent, so instances sharing one database share the outbox safely.
/// </summary>
public sealed partial class MailSender(IServiceProvider services, IOptionsMonitor<SmtpOptions> options, TimeProvider time, ILogger<MailSender> logger)
    : BackgroundService
{
    public const int MaxAttempts = 10;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    /// <summary>Longer than MailKit's time-outs for connecting and sending one message.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await services.GetRequiredService<Data.DatabaseMigrator>().MigratedAsync(stoppingToken);
        using var timer = new PeriodicTimer(Poll, time);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLoopFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SendDueAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Set<OutgoingMail>().AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < MaxAttempts)
            .OrderBy(m => m.Id).Take(20).ToListAsync(ct);
        if (due.Count == 0)
        {
            return;
        }

        var smtp = options.CurrentValue;
        using var client = new SmtpClient();
        foreach (var mail in due)
        {
            if (!await ClaimAsync(db, mail, ct))
            {
                continue;
            }

            mail.Attempts++;
            try
            {
                if (string.IsNullOrEmpty(smtp.Host))
                {
                    // No SMTP configured: the contract says mail is logged, not sent (without the address).
                    LogNotSent(logger, mail.Id, mail.Subject);
                }
                else
                {
                    if (!client.IsConnected)
                    {
                        await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.Auto, ct);
                        if (!string.IsNullOrEmpty(smtp.User))
                        {
                            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
                        }
                    }

                    await client.SendAsync(Build(smtp, mail), ct);
                    LogSent(logger, mail.Id);
                }

                // Recorded even while shutting down: a message that went out must not go out again.
                await db.Set<OutgoingMail>().Where(m => m.Id == mail.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.SentAt, time.GetUtcNow().UtcDateTime).SetProperty(m => m.Attempts, mail.Attempts).SetProperty(m => m.LastError, (string?)null),
                    CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                var next = now + TimeSpan.FromMinutes(Math.Min(Math.Pow(2, mail.Attempts - 1), 24 * 60));
                await db.Set<OutgoingMail>().Where(m => m.Id == mail.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.Attempts, mail.Attempts).SetProperty(m => m.LastError, error), ct);
                // The server's words may quote the address, so the log names only the kind of failure.
                LogFailed(logger, mail.Id, mail.Attempts, e.GetType().Name);
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(true, ct);
                }
            }
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(true, ct);
        }
    }

    /// <summary>
    /// Takes one message for this sender before it goes out, so that several instances sharing a
    /// database never send it twice. The claim moves the message's next attempt past a lease; the
    /// update succeeds for exactly one sender, because it only matches the time that sender read.
    /// If the sender dies before recording the outcome, the lease runs out and another one sends it.
    /// </summary>
    private async Task<bool> ClaimAsync(DatelineDbContext db, OutgoingMail mail, CancellationToken ct)
    {
        var seen = mail.NextAttemptAt;
        var leaseEnd = time.GetUtcNow().UtcDateTime + Lease;
        var claimed = await db.Set<OutgoingMail>()
            .Where(m => m.Id == mail.Id && m.SentAt == null && m.NextAttemptAt == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, leaseEnd), ct);
        return claimed == 1;
    }

    private static MimeMessage Build(SmtpOptions smtp, OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.TextBody };
        return message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} sent")]
    private static partial void LogSent(ILogger logger, int mailId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} not sent (no SMTP host is configured): {Subject}")]
    private static partial void LogNotSent(ILogger logger, int mailId, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} failed on attempt {Attempt} ({ErrorType}); it will be tried again")]
    private static partial void LogFailed(ILogger logger, int mailId, int attempt, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail sender failed; it will try again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
