using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dateline.Data;

// Used only by 'dotnet ef migrations add'; the running app configures contexts in DataServices.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDatelineDbContext>
{
    public SqliteDatelineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDatelineDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDatelineDbContext>
{
    public PostgresDatelineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDatelineDbContext>().UseNpgsql("Host=localhost").Options);
}
