namespace Dateline.Web;

/// <summary>
/// Marks a page that shows parts made for one commenter: their own held comments, and the comment
/// form filled from "Save my name…". Only such a page is answered fresh, and never stored, for a
/// browser carrying those cookies (<see cref="PublicPagePolicy"/>); every other public answer is
/// the same for that reader as for anyone, and comes from the shared cache.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShowsCommenterPartsAttribute : Attribute;
