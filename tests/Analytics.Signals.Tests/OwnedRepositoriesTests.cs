using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;

namespace Analytics.Signals.Tests;

/// <summary>Which spellings of the teams' repositories are read.</summary>
public sealed class OwnedRepositoriesTests
{
    [Fact]
    public async Task OfTeamsWhenDescribedAsync_APartOfARequest_DecidesAsTheWholeRequest()
    {
        // The store describes Acme/Api (as the payments team's acme/api) but not the data team's acme/etl: the whole request
        // reads every spelling (null). A part of it for the payments team alone, as the signal cache recomputes it, must read
        // as the whole does: its own repositories are described, but reading only their spellings would miss records the
        // whole request counts for it.
        await using var fixture = await SignalFixture.CreateAsync(new Repository("github", "1", "Acme/Api", "main", null, false, null));
        var data = new Team("data", "Data", "UTC", ValueList<TeamMember>.Empty, ValueList.Of("acme/etl"), ValueList<string>.Empty, null);
        var whole = fixture.TwoWeeks() with { Teams = [fixture.Team, data] };

        (await OwnedRepositories.OfTeamsWhenDescribedAsync(whole, default)).Should().BeNull();
        (await OwnedRepositories.OfTeamsWhenDescribedAsync(whole.Over(whole.From, whole.To, [fixture.Team]), default)).Should().BeNull();
        (await OwnedRepositories.OfTeamsWhenDescribedAsync(fixture.TwoWeeks(), default)).Should().BeEquivalentTo(["Acme/Api", "acme/api"]);
    }
}
