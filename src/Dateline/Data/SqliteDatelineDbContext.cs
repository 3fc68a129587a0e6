using Microsoft.EntityFrameworkCore;

namespace Dateline.Data;

public sealed class SqliteDatelineDbContext(DbContextOptions<SqliteDatelineDbContext> options) : DatelineDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no time zone, so values come back Unspecified; every stored time is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
