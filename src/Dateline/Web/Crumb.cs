namespace Dateline.Web;

/// <summary>One step of a breadcrumb trail: a name and the path of its page.</summary>
public sealed record Crumb(string Name, string Path);
