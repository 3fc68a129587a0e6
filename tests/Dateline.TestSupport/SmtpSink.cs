namespace Dateline.TestSupport;

/// <summary>
/// The SMTP server ./test.sh runs on loopback (Debian's python3-aiosmtpd), which prints every
/// message it receives to a log file; tests read what arrived from there.
/// </summary>
public static class SmtpSink
{
    public const string AddressVariable = "DATELINE_TEST_SMTP";
    public const string LogVariable = "DATELINE_TEST_SMTP_LOG";

    public static (string Host, int Port, string Log) Require()
    {
        var address = Environment.GetEnvironmentVariable(AddressVariable);
        var log = Environment.GetEnvironmentVariable(LogVariable);
        if (string.IsNullOrEmpty(address) || string.IsNullOrEmpty(log) || !address.Contains(':', StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Mail tests need an SMTP server: set {AddressVariable} (host:port) and {LogVariable} (the file it prints messages to), or run ./test.sh, which starts one.");
        }

        var colon = address.LastIndexOf(':');
        return (address[..colon], int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), log);
    }

    /// <summary>
    /// Points an app (before it starts) at the sink, with links in mail under https://news.example.org;
    /// returns the log to read messages from.
    /// </summary>
    public static string MailTo(this DatelineApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (host, port, log) = Require();
        app.Settings["Dateline:Smtp:Host"] = host;
        app.Settings["Dateline:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Dateline:SiteUrl"] = "https://news.example.org";
        return log;
    }

    /// <summary>Waits until a message containing every given text has arrived, and returns it.</summary>
    public static async Task<string> WaitForAsync(string log, params string[] texts)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(log))
            {
                string content;
                using (var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                using (var reader = new StreamReader(stream))
                {
                    content = await reader.ReadToEndAsync();
                }

                var message = content.Split("---------- MESSAGE FOLLOWS ----------")
                    .FirstOrDefault(m => texts.All(t => m.Contains(t, StringComparison.Ordinal)));
                if (message is not null)
                {
                    return message;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"no mail containing {string.Join(", ", texts)} arrived in {log}");
    }
}
