using System.Security.Cryptography;
using System.Text;

namespace Dateline.Features.Accounts;

/// <summary>
/// API keys look like "dl_PREFIX_SECRET". The prefix finds the row; the secret is 256 random bits,
/// so a plain SHA-256 of it is enough (no salt or slow hash is needed for a non-guessable value).
/// </summary>
public static class ApiKeySecrets
{
    private const string Scheme = "dl";

    public static (string Key, string Prefix, byte[] Hash) Create()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{Scheme}_{prefix}_{secret}", prefix, Hash(secret));
    }

    public static bool TryParse(string key, out string prefix, out string secret)
    {
        prefix = secret = "";
        var parts = key.Split('_', 3);
        if (parts is not [Scheme, { Length: 12 } p, { Length: > 20 and < 100 } s])
        {
            return false;
        }

        (prefix, secret) = (p, s);
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string secret, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(secret), hash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
