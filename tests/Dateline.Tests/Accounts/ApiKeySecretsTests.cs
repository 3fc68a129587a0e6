using Dateline.Features.Accounts;

namespace Dateline.Tests.Accounts;

public sealed class ApiKeySecretsTests
{
    [Fact]
    public void ACreatedKeyParsesAndMatchesOnlyItsOwnHash()
    {
        var (key, prefix, hash) = ApiKeySecrets.Create();
        Assert.True(ApiKeySecrets.TryParse(key, out var parsedPrefix, out var secret));
        Assert.Equal(prefix, parsedPrefix);
        Assert.True(ApiKeySecrets.Matches(secret, hash));
        Assert.False(ApiKeySecrets.Matches(secret + "x", hash));
        Assert.DoesNotContain(secret, Convert.ToHexString(hash), StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(key, ApiKeySecrets.Create().Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("dl_short_x")]
    [InlineData("xx_0123456789ab_abcdefghijklmnopqrstuvwxyz")]
    [InlineData("dl_0123456789ab")]
    public void MalformedKeysDoNotParse(string key)
    {
        Assert.False(ApiKeySecrets.TryParse(key, out _, out _));
    }

    [Theory]
    [InlineData("admin", Capabilities.ManageSite, true)]
    [InlineData("editor", Capabilities.ManageSite, false)]
    [InlineData("editor", Capabilities.EditOthersArticles, true)]
    [InlineData("author", Capabilities.PublishArticles, true)]
    [InlineData("author", Capabilities.EditOthersArticles, false)]
    [InlineData("contributor", Capabilities.PublishArticles, false)]
    [InlineData("contributor", Capabilities.WriteArticles, true)]
    [InlineData("moderator", Capabilities.WriteArticles, false)]
    [InlineData("moderator", Capabilities.ModerateComments, true)]
    [InlineData("stranger", Capabilities.WriteArticles, false)]
    public void RolesCarryWordPressLikeCapabilities(string role, string capability, bool expected)
    {
        Assert.Equal(expected, Capabilities.Has(role, capability));
    }
}
