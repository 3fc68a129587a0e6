namespace Dateline.Features.Privacy;

public sealed record PrivacyRequest(string Email);

public sealed record PrivacyErased(int Comments);
