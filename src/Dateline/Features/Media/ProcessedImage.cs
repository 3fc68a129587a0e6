namespace Dateline.Features.Media;

/// <summary>An accepted upload, re-encoded: the full-size copy and its narrower variants, narrowest first.</summary>
public sealed record ProcessedImage(string ContentType, string Extension, int Width, int Height, IReadOnlyList<EncodedImage> Copies);

/// <summary>One re-encoded copy, with nothing in it but pixels.</summary>
public sealed record EncodedImage(int Width, int Height, byte[] Bytes);
