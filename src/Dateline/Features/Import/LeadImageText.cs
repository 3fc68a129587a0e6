namespace Dateline.Features.Import;

/// <summary>
/// The caption and credit of the article's first photo, gathered as the lines go by.
/// </summary>
/// <remarks>
/// Only the first photo is kept: later credits belong to images the import does not carry, so
/// they are dropped, while their captions stay in the body rather than risk losing story text.
/// </remarks>
internal sealed class LeadImageText
{
    // Longer paragraphs next to a photo credit are story text, not a caption.
    private const int MaxCaptionLength = 500;

    public string? Caption { get; set; }

    public string? Credit { get; private set; }

    /// <summary>A credit came with nothing above it, so the paragraph right after it may be its caption.</summary>
    public bool CaptionMayFollow { get; set; }

    public bool IsComplete => Credit is not null;

    /// <summary>A dateline marks the story's first paragraph, which is never a caption.</summary>
    public static bool CanBeCaption(string text) =>
        text.Length <= MaxCaptionLength && DatelinePlace.Find(text) is null;

    public void TakeCredit(string line, List<string> dropped)
    {
        if (Credit is not null)
        {
            dropped.Add(line);
            return;
        }

        _ = PhotoCreditLine.TryParse(line, out var credit);
        Credit = credit;
        CaptionMayFollow = Caption is null;
    }

    public void TakeCaptionWithCredit(string line)
    {
        _ = PhotoCreditLine.TrySplitCaption(line, out var caption, out var credit);
        Caption = caption;
        Credit = credit;
        CaptionMayFollow = false;
    }
}
