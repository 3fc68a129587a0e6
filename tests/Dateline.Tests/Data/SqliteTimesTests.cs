using System.Globalization;
using Dateline.Data;

namespace Dateline.Tests.Data;

public sealed class SqliteTimesTests
{
    // Whatever EF Core writes must read back as the provider's own parse reads it.
    [Fact]
    public void EveryTimeInTheWrittenShapeReadsAsTheProvidersParseReadsIt()
    {
        var random = new Random(20261130);
        var values = new List<DateTime> { DateTime.MinValue, DateTime.MaxValue, new(2024, 2, 29, 23, 59, 59), new(2026, 11, 30, 1, 18, 50, 120) };
        for (var i = 0; i < 20_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            // A third with whole seconds and a third with whole milliseconds, so that trailing
            // zeros of the fraction (and the fraction itself) are left out as they are when written.
            ticks = (i % 3) switch
            {
                0 => ticks - (ticks % TimeSpan.TicksPerSecond),
                1 => ticks - (ticks % TimeSpan.TicksPerMillisecond),
                _ => ticks,
            };
            values.Add(new DateTime(ticks));
        }

        foreach (var value in values)
        {
            var text = SqliteTimes.Format(value);
            Assert.True(SqliteTimes.TryParse(text, out var parsed), text);
            Assert.Equal(DateTime.Parse(text, CultureInfo.InvariantCulture), parsed);
            Assert.Equal(value, parsed);
            Assert.Equal(DateTimeKind.Unspecified, parsed.Kind);
        }
    }

    [Theory]
    [InlineData("2026-11-30 01:18:50", 0)]
    [InlineData("2026-11-30 01:18:50.1", 1_000_000)]
    [InlineData("2026-11-30 01:18:50.0000001", 1)]
    [InlineData("2026-11-30 01:18:50.1234567", 1_234_567)]
    public void TheFractionIsReadToTheTick(string text, long ticks) =>
        Assert.Equal(new DateTime(2026, 11, 30, 1, 18, 50).AddTicks(ticks), SqliteTimes.TryParse(text, out var value) ? value : default);

    // Anything else is left to the provider, which reads offsets, 'T', dates alone and numbers.
    [Theory]
    [InlineData("")]
    [InlineData("2026-11-30")]
    [InlineData("2026-11-30T01:18:50")]
    [InlineData("2026-11-30 01:18:50Z")]
    [InlineData("2026-11-30 01:18:50+02:00")]
    [InlineData("2026-11-30 01:18:50.")]
    [InlineData("2026-11-30 01:18:50.12345678")]
    [InlineData("2026-11-30 01:18:5x")]
    [InlineData("2026-02-29 00:00:00")]
    [InlineData("2026-13-01 00:00:00")]
    [InlineData("2026-11-30 24:00:00")]
    [InlineData("2026-11-30 23:60:00")]
    [InlineData("0000-01-01 00:00:00")]
    [InlineData("2461009.5")]
    [InlineData("２０２６-11-30 01:18:50")]
    public void OtherShapesAreNotTakenForTheWrittenOne(string text) => Assert.False(SqliteTimes.TryParse(text, out _));
}
