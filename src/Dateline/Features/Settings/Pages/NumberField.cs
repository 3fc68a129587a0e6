using Dateline.Web;

namespace Dateline.Features.Settings.Pages;

/// <summary>One whole-number field of a settings form, as the shared partial draws it.</summary>
public sealed record NumberField(string Name, string Label, string? Value, string Note, FieldErrors Errors);
