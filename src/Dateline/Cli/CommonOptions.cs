using System.CommandLine;

namespace Dateline.Cli;

internal static class CommonOptions
{
    public static Option<string?> Data() => new("--data")
    {
        Description = "Data folder (SQLite file and media); default ./data",
    };

    /// <summary>Configuration a command's options override, in the keys appsettings.json uses.</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parse, Option<string?> data)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (parse.GetValue(data) is { Length: > 0 } dir)
        {
            overrides["Dateline:DataDir"] = dir;
        }

        return overrides;
    }
}
