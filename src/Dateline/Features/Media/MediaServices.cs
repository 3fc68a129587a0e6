namespace Dateline.Features.Media;

public static class MediaServices
{
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>()
            .Bind(configuration.GetSection(MediaOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<MediaStorage>();
        services.AddScoped<MediaLibrary>();
        return services;
    }
}
