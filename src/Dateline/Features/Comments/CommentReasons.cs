namespace Dateline.Features.Comments;

/// <summary>Moderators' words for the reason codes the rules record (see docs/comments.md, "Rules, in order").</summary>
public static class CommentReasons
{
    public static string Describe(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        var (code, detail) = colon < 0 ? (reason, "") : (reason[..colon], reason[(colon + 1)..]);
        return code switch
        {
            "first-comment" => "first comment from this address",
            AddressConfirmation.Reason => "known address from a browser not seen before; its owner was mailed a link",
            "too-fast" => "sent sooner after the form was shown than a person types",
            "honeypot" => "filled in the field hidden from people",
            "links" => $"{detail} links",
            "hold-word" => $"contains the hold word “{detail}”",
            "deny-word" => $"contains the deny word “{detail}”",
            _ => reason,
        };
    }
}
