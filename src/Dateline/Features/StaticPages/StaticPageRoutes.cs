using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace Dateline.Features.StaticPages;

/// <summary>
/// The page route takes any path of up to four segments, so it answers reads only: a POST or a
/// PUT to an unknown address must stay the 404 or 405 it was, not become this page's business.
/// </summary>
public static class StaticPageRoutes
{
    public const string PageName = "/StaticPages/Pages/StaticPageView";

    public static void ReadOnly(PageRouteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var selector in model.Selectors)
        {
            selector.EndpointMetadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        }
    }
}
