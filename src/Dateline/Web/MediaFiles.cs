using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dateline.Web;

public static class MediaFiles
{
    /// <summary>
    /// Serves the data folder's media/ at /media/. Files there never change in place (a new
    /// upload gets a new name), so browsers and proxies may keep them for a year.
    /// </summary>
    public static IApplicationBuilder UseMediaFiles(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<DatelineOptions>>().Value;
        var folder = Directory.CreateDirectory(Path.Combine(options.FullDataDir, "media")).FullName;
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/media",
            FileProvider = new PhysicalFileProvider(folder),
            ServeUnknownFileTypes = false,
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                context.Context.Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            },
        });
    }
}
