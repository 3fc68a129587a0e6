namespace Dateline.Web;

/// <summary>
/// The host starts its services at once (<see cref="HostOptions.ServicesStartConcurrently"/>), so
/// the server listens while the database is still being migrated and the settings loaded. A
/// request that arrives meanwhile waits here until the host reports that it has started, and is
/// then served as usual; if the start fails instead (`serve` stops the host then), it gets a 503.
/// </summary>
/// <remarks>
/// Accepting connections and building the request pipeline then overlap the database's start,
/// which they used to follow: the first page of a fresh start comes that much sooner.
/// </remarks>
public static class StartupGate
{
    public static IApplicationBuilder UseStartupGate(this IApplicationBuilder app)
    {
        var lifetime = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>();
        return app.Use(async (context, next) =>
        {
            if (!lifetime.ApplicationStarted.IsCancellationRequested)
            {
                await StartedOrStoppingAsync(lifetime, context.RequestAborted);
                if (!lifetime.ApplicationStarted.IsCancellationRequested)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.Response.Headers.RetryAfter = "10";
                    const string Detail = "The server is stopping. Please try again in a moment.";
                    // Problem details where the client takes JSON; plain text for the rest (a
                    // browser asking for HTML, a feed reader), which no problem writer serves.
                    if (!await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails =
                        {
                            Status = StatusCodes.Status503ServiceUnavailable,
                            Title = "The site is not available",
                            Detail = Detail,
                        },
                    }))
                    {
                        context.Response.ContentType = "text/plain; charset=utf-8";
                        await context.Response.WriteAsync(Detail);
                    }

                    return;
                }
            }

            await next(context);
        });
    }

    private static async Task StartedOrStoppingAsync(IHostApplicationLifetime lifetime, CancellationToken aborted)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var started = lifetime.ApplicationStarted.Register(() => done.TrySetResult());
        await using var stopping = lifetime.ApplicationStopping.Register(() => done.TrySetResult());
        await done.Task.WaitAsync(aborted);
    }
}
