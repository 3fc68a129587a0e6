using Dateline.Data;
using Dateline.Data.CompiledModels.Postgres;
using Dateline.Data.CompiledModels.Sqlite;
using System.Linq.Expressions;
using Dateline.Features.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dateline.Tests.Data;

/// <summary>
/// The app runs on models compiled ahead from the entity configurations. When an entity or its
/// configuration changes and the compiled models are not generated again, the app would run on
/// the old model (columns missing from queries, conversions lost) while migrations follow the new
/// one; these tests catch that by comparing every detail EF Core prints of the two models.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate = "The compiled model is out of date: generate it again as README.md's \"Layout\" says (dotnet ef dbcontext optimize).";

    [Fact]
    public void TheSqliteCompiledModelIsTheConfiguredModel()
    {
        var options = new DbContextOptionsBuilder<SqliteDatelineDbContext>().UseModel(SqliteDatelineDbContextModel.Instance);
        options.UseSqlite("Data Source=:memory:").UseFastSqliteTimes();
        using var db = new SqliteDatelineDbContext(options.Options);

        AssertCompiledModelIsConfigured(db);
        // The app's own reading of SQLite's times applies to the compiled model too.
        Assert.IsType<SqliteTimes.Mapping>(db.Model.FindEntityType(typeof(Comment))!.FindProperty(nameof(Comment.CreatedAt))!.GetRelationalTypeMapping());
    }

    [Fact]
    public void ThePostgresCompiledModelIsTheConfiguredModel()
    {
        using var db = new PostgresDatelineDbContext(new DbContextOptionsBuilder<PostgresDatelineDbContext>()
            .UseModel(PostgresDatelineDbContextModel.Instance).UseNpgsql("Host=127.0.0.1").Options);

        AssertCompiledModelIsConfigured(db);
    }

    private static void AssertCompiledModelIsConfigured(DbContext db)
    {
        // The model source builds the model from the entity configurations, as it does for a
        // context with no compiled model, and turns it into a run-time model the same way.
        var configured = db.GetService<IModelSource>().GetModel(db, db.GetService<ModelCreationDependencies>(), designTime: false);
        Assert.NotSame(configured, db.Model);
        var expected = Describe(configured);
        var actual = Describe(db.Model);
        Assert.True(expected.Count > 500, "the description covers every property, key and index");
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{Regenerate}\nOnly in the configured model:\n{string.Join('\n', missing.Take(20))}\nOnly in the compiled model:\n{string.Join('\n', extra.Take(20))}");
    }

    // The debug view, line by line, with each line's place in the tree kept, of the model as
    // the app sees it at run time: tables, columns, types and their mappings, converters, keys,
    // indexes with their filters, relationships, and the annotations relational code reads.
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        var path = new List<(int Indent, string Line)>();
        foreach (var raw in model.ToDebugString(MetadataDebugStringOptions.LongDefault).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var indent = line.Length - line.TrimStart().Length;
            path.RemoveAll(p => p.Indent >= indent);
            path.Add((indent, line.Trim()));
            lines.Add(string.Join(" / ", path.Select(p => p.Line)));
        }

        // The debug view leaves out what code the model runs: value converters and comparers.
        foreach (var property in model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            var name = $"{property.DeclaringType.Name}.{property.Name}";
            var converter = property.GetValueConverter();
            lines.Add($"{name} converter {converter?.GetType().FullName} {Code(converter?.ConvertToProviderExpression)} {Code(converter?.ConvertFromProviderExpression)}");
            var comparer = property.GetValueComparer();
            lines.Add($"{name} comparer {Code(comparer.EqualsExpression)} {Code(comparer.HashCodeExpression)} {Code(comparer.SnapshotExpression)}");
        }

        return lines;
    }

    // A lambda's text with its parameters numbered, as generated code names them its own way.
    private static string Code(LambdaExpression? lambda)
    {
        if (lambda is null)
        {
            return "-";
        }

        var text = lambda.ToString();
        for (var i = 0; i < lambda.Parameters.Count; i++)
        {
            text = System.Text.RegularExpressions.Regex.Replace(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(lambda.Parameters[i].Name ?? "")}\b", $"p{i}");
        }

        // Generated code calls object's members through an explicit cast; the same call.
        return System.Text.RegularExpressions.Regex.Replace(text, @"Convert\((p\d+), Object\)", "$1");
    }
}
