using Analytics.Domain.Common;
using Analytics.Domain.Work;

namespace Analytics.Domain.Tests.Work;

public sealed class TicketTests
{
    private static readonly DateTimeOffset Created = new(2024, 4, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_ResolvedBeforeCreated_Throws()
    {
        var act = () => Ticket(resolved: Created.AddDays(-1));

        act.Should().Throw<ArgumentException>().WithParameterName("ResolvedAt");
    }

    [Fact]
    public void Constructor_BlankKey_Throws()
    {
        var act = () => Ticket(key: "");

        act.Should().Throw<ArgumentException>().WithParameterName("Key");
    }

    [Fact]
    public void Equals_SameLabelsInSeparateLists_IsTrue()
    {
        Ticket(labels: ValueList.Of("backend")).Should().Be(Ticket(labels: ValueList.From(["backend"])));
    }

    [Fact]
    public void TicketTransition_BlankChangeId_Throws()
    {
        var act = () => new TicketTransition(
            "jira", "PAY-1", " ", Created, null, "To Do", null, StatusCategory.ToDo, null);

        act.Should().Throw<ArgumentException>().WithParameterName("ChangeId");
    }

    private static Ticket Ticket(string key = "PAY-1", DateTimeOffset? resolved = null, ValueList<string> labels = default) =>
        new(
            "jira", key, "PAY", "Bug", "Checkout fails", "Done", StatusCategory.Done, Created, Created.AddDays(2), resolved,
            3, null, null, null, null, null, labels);
}
