using Microsoft.Extensions.Options;

namespace Dateline.Features.Media;

/// <summary>
/// The data folder's media/: files appear whole under their final names or not at all. Each is
/// written under a hidden temporary name (never served: static files skip dot-names) and moved
/// into place once every one of an item's files is safely on disk.
/// </summary>
public sealed partial class MediaStorage(IOptions<DatelineOptions> options, ILogger<MediaStorage> logger)
{
    public string Root { get; } = Path.Combine(options.Value.FullDataDir, "media");

    public string FullPath(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"'{relativePath}' is not a path inside the media folder.", nameof(relativePath));
    }

    /// <summary>Writes every file, or (on any failure or cancellation) leaves none of them behind.</summary>
    public async Task WriteAllAsync(IReadOnlyList<(string Path, byte[] Bytes)> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        var temporary = new List<string>();
        var placed = new List<string>();
        var done = false;
        try
        {
            foreach (var (path, bytes) in files)
            {
                var final = FullPath(path);
                var folder = Path.GetDirectoryName(final)!;
                Directory.CreateDirectory(folder);
                var temp = Path.Combine(folder, $".upload-{Guid.NewGuid():N}.tmp");
                temporary.Add(temp);
                await using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
                await stream.WriteAsync(bytes, ct);
                // On disk before the database row that points at it can exist.
                stream.Flush(flushToDisk: true);
            }

            for (var i = 0; i < files.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var final = FullPath(files[i].Path);
                // Never over another file: names are random, so a clash is a bug, not a retry.
                File.Move(temporary[i], final, overwrite: false);
                placed.Add(final);
            }

            done = true;
        }
        finally
        {
            if (!done)
            {
                DeleteQuietly(temporary.Concat(placed));
            }
        }
    }

    /// <summary>Deletes an item's files; one that will not go is logged and left, since its row is already gone.</summary>
    public void DeleteAll(IEnumerable<string> relativePaths) => DeleteQuietly(relativePaths.Select(FullPath));

    private void DeleteQuietly(IEnumerable<string> fullPaths)
    {
        foreach (var path in fullPaths)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogNotDeleted(logger, e, path);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete media file {Path}; nothing refers to it any more, so it can be removed by hand")]
    private static partial void LogNotDeleted(ILogger logger, Exception exception, string path);
}
