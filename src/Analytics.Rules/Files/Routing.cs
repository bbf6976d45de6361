namespace Analytics.Rules.Files;

/// <summary>
/// Where a rule's notifications go, kept as data (sending is the delivery issue's job): e-mail recipients per team (the
/// alert's <c>team</c> label picks them; <see cref="DefaultEmail"/> when the team has none), generic webhooks and
/// Slack-compatible webhooks.
/// </summary>
/// <param name="EmailByTeam">E-mail recipients per team id.</param>
/// <param name="DefaultEmail">E-mail recipients for teams not listed (and alerts without a team).</param>
/// <param name="Webhooks">Generic webhook URLs (JSON body).</param>
/// <param name="Slack">Slack-compatible incoming-webhook URLs.</param>
public sealed record Routing(
    IReadOnlyDictionary<string, IReadOnlyList<string>> EmailByTeam,
    IReadOnlyList<string> DefaultEmail,
    IReadOnlyList<string> Webhooks,
    IReadOnlyList<string> Slack)
{
    /// <summary>No channels.</summary>
    public static Routing None { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), [], [], []);

    /// <summary>Whether it names no channel.</summary>
    public bool IsEmpty => EmailByTeam.Count == 0 && DefaultEmail.Count == 0 && Webhooks.Count == 0 && Slack.Count == 0;

    /// <summary>The channels (kind and target) an alert of <paramref name="team"/> goes to.</summary>
    public IEnumerable<(string Channel, string Target)> ChannelsFor(string? team)
    {
        var email = team is not null && EmailByTeam.TryGetValue(team, out var recipients) ? recipients : DefaultEmail;
        if (email.Count > 0)
        {
            yield return ("email", string.Join(",", email));
        }

        foreach (var url in Webhooks)
        {
            yield return ("webhook", url);
        }

        foreach (var url in Slack)
        {
            yield return ("slack", url);
        }
    }
}
