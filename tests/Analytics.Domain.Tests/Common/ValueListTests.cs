using Analytics.Domain.Common;
using Analytics.Domain.People;

namespace Analytics.Domain.Tests.Common;

public sealed class ValueListTests
{
    [Fact]
    public void Equals_SameItemsInDifferentArrays_IsTrue()
    {
        var left = ValueList.Of("a", "b");
        var right = ValueList.From(new List<string> { "a", "b" });

        left.Equals(right).Should().BeTrue();
        (left == right).Should().BeTrue();
        (left != right).Should().BeFalse();
        left.GetHashCode().Should().Be(right.GetHashCode());
        left.Equals((object)right).Should().BeTrue();
    }

    [Fact]
    public void Equals_DifferentOrder_IsFalse()
    {
        (ValueList.Of("a", "b") == ValueList.Of("b", "a")).Should().BeFalse();
    }

    [Fact]
    public void Equals_DifferentLength_IsFalse()
    {
        ValueList.Of(1, 2).Equals(ValueList.Of(1, 2, 3)).Should().BeFalse();
    }

    [Fact]
    public void Equals_StringsDifferingInCase_IsFalse()
    {
        (ValueList.Of("Bug") == ValueList.Of("bug")).Should().BeFalse("string elements use ordinal equality");
    }

    [Fact]
    public void Equals_IdentityRefsDifferingInCase_IsTrue()
    {
        // IdentityRef compares ignoring case, and so do lists of them.
        var left = ValueList.Of(new IdentityRef("GitHub", "Alice"));
        var right = ValueList.Of(new IdentityRef("github", "alice"));

        (left == right).Should().BeTrue();
        left.GetHashCode().Should().Be(right.GetHashCode());
    }

    [Fact]
    public void Default_ComparedWithEmpty_IsEqualAndEmpty()
    {
        ValueList<string> unset = default;

        (unset == ValueList<string>.Empty).Should().BeTrue();
        (unset == ValueList.Of<string>()).Should().BeTrue();
        unset.GetHashCode().Should().Be(ValueList.Of<string>().GetHashCode());
        unset.Count.Should().Be(0);
        unset.Should().BeEmpty();
        unset.ToString().Should().Be("[]");
    }

    [Fact]
    public void From_SourceChangedLater_KeepsItsCopy()
    {
        var source = new List<int> { 1, 2 };
        var list = ValueList.From(source);

        source.Add(3);
        source[0] = 9;

        list.Should().Equal(1, 2);
    }

    [Fact]
    public void IndexerAndToString_TwoItems_ShowItems()
    {
        var list = ValueList.Of("x", "y");

        list[1].Should().Be("y");
        list.Count.Should().Be(2);
        list.ToString().Should().Be("[x, y]");
    }

    [Fact]
    public void Indexer_OutOfRange_Throws()
    {
        var act = () => ValueList<int>.Empty[0];

        act.Should().Throw<IndexOutOfRangeException>();
    }
}
