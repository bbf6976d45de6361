using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Incremental;

public sealed class SignalFootprintsTests
{
    private static readonly SignalRequest Request = new(
        null!, [new Team("t", "T", "UTC", ValueList<TeamMember>.Empty, ValueList<string>.Empty, ValueList<string>.Empty, null)],
        new PersonDirectory([]), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(7), Granularity.Week);

    [Fact]
    public void For_EveryCatalogSignal_HasAFootprint()
    {
        SignalCatalog.All.Should().OnlyContain(s => SignalFootprints.For(s.Name, Request) != null, "every catalog signal declares what it reads");
    }

    [Fact]
    public void For_EveryFootprint_NamesExistingColumns()
    {
        foreach (var footprint in SignalCatalog.All.Select(s => SignalFootprints.For(s.Name, Request)!))
        {
            footprint.Reads.Should().NotBeEmpty(footprint.Signal);
            foreach (var read in footprint.Reads)
            {
                foreach (var column in read.TimeColumns)
                {
                    read.Entity.IndexOf(column).Should().BeGreaterThanOrEqualTo(0, $"{footprint.Signal} places {read.Entity.Name} by {column}");
                    read.Entity.Columns[read.Entity.IndexOf(column)].Kind.Should().Be(ColumnKind.Instant, $"{footprint.Signal} places {read.Entity.Name} by {column}");
                }

                if (read.Via is { } via)
                {
                    read.Entity.IndexOf(via.Column).Should().BeGreaterThanOrEqualTo(0, footprint.Signal);
                    via.Target.IndexOf(via.TargetColumn).Should().BeGreaterThanOrEqualTo(0, footprint.Signal);
                    via.TimeColumns.Should().NotBeEmpty(footprint.Signal).And.OnlyContain(c => via.Target.IndexOf(c) >= 0, footprint.Signal);
                }

                if (read.MentionedBy is { } mentions)
                {
                    read.Entity.IndexOf(mentions.Column).Should().BeGreaterThanOrEqualTo(0, footprint.Signal);
                    mentions.TextColumns.Should().NotBeEmpty(footprint.Signal)
                        .And.OnlyContain(c => mentions.Target.IndexOf(c) >= 0 && mentions.Target.Columns[mentions.Target.IndexOf(c)].Kind == ColumnKind.Text, footprint.Signal);
                    mentions.TimeColumns.Should().NotBeEmpty(footprint.Signal)
                        .And.OnlyContain(c => mentions.Target.IndexOf(c) >= 0 && mentions.Target.Columns[mentions.Target.IndexOf(c)].Kind == ColumnKind.Instant, footprint.Signal);
                }
            }
        }
    }

    [Fact]
    public void RecomputedWhole_ListsExactlyTheWholeFootprints()
    {
        SignalCatalog.All.Select(s => SignalFootprints.For(s.Name, Request)!).Where(f => f.RecomputedWhole).Select(f => f.Signal)
            .Should().BeEquivalentTo(SignalFootprints.RecomputedWhole);
    }

    [Fact]
    public void SharedLoads_NameCatalogSignalsEachInOneGroup()
    {
        var names = SignalFootprints.SharedLoads.SelectMany(g => g).ToList();
        names.Should().OnlyHaveUniqueItems("a signal shares its loads with one group");
        names.Should().BeSubsetOf(SignalCatalog.All.Select(s => s.Name), "a misspelt name would never share");
        SignalFootprints.SharedLoads.Should().OnlyContain(g => g.Count >= 2);
    }

    [Fact]
    public void For_UnknownSignal_IsNull()
    {
        SignalFootprints.For("no.such_signal", Request).Should().BeNull();
    }
}
