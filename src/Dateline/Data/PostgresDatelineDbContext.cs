using Microsoft.EntityFrameworkCore;

namespace Dateline.Data;

public sealed class PostgresDatelineDbContext(DbContextOptions<PostgresDatelineDbContext> options) : DatelineDbContext(options);
