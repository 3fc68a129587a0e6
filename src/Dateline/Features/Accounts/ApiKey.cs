namespace Dateline.Features.Accounts;

/// <summary>A newsroom API key. Only a hash of its secret is stored; the key is shown once.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }

    /// <summary>The public part of the key, used to find it without scanning every hash.</summary>
    public required string Prefix { get; set; }

    public required byte[] SecretHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
