using Dateline.Data;
using Dateline.Features.Mail;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Data;

public sealed class SqliteTimesTests
{
    // The app's SQLite contexts read times through SqliteTimes; a time stored by hand in another
    // shape that the provider reads still reads the same.
    [Theory]
    [InlineData("'2026-11-30 01:18:50.25'")]
    [InlineData("'2026-11-30T01:18:50.25'")]
    [InlineData("'2026-11-30 01:18:50.2500000'")]
    public async Task TimesAreReadThroughTheFastParseAndAnyOtherShapeStillReads(string stored)
    {
        await using var app = new DatelineApp(Provider.Sqlite);
        _ = app.CreateReaderClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var sentAt = db.Model.FindEntityType(typeof(OutgoingMail))!.FindProperty(nameof(OutgoingMail.SentAt))!;
        Assert.IsType<SqliteTimes.Mapping>(sentAt.GetRelationalTypeMapping());

        // Sent already, so that the app's mail sender leaves it alone.
        var mail = new OutgoingMail { To = "reader@example.org", Subject = "s", TextBody = "b", CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow, SentAt = DateTime.UtcNow };
        db.Add(mail);
        await db.SaveChangesAsync();
#pragma warning disable EF1002 // The stored shapes are the test's own constants.
        await db.Database.ExecuteSqlRawAsync($"UPDATE \"OutgoingMail\" SET \"SentAt\" = {stored} WHERE \"Id\" = {mail.Id}");
#pragma warning restore EF1002

        var read = await db.Set<OutgoingMail>().AsNoTracking().Where(m => m.Id == mail.Id).Select(m => m.SentAt).SingleAsync();
        var expected = new DateTime(2026, 11, 30, 1, 18, 50, 250, DateTimeKind.Utc);
        Assert.Equal(expected, read!.Value, TimeSpan.Zero);
        Assert.Equal(DateTimeKind.Utc, read.Value.Kind);
    }
}
