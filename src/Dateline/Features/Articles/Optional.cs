namespace Dateline.Features.Articles;

/// <summary>A field that a partial update may or may not carry; absent means "leave it as it is".</summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static implicit operator Optional<T>(T value) => new(true, value);
}
