using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Jira;
using Analytics.Collectors.Tests.TestReports;
using Analytics.Domain.Work;

namespace Analytics.Collectors.Tests.Jira;

/// <summary>The Jira mappers against Atlassian's own example payloads (kept outside the repository, in ../shared/samples).</summary>
public sealed class JiraSharedSamplesTests
{
    [SharedSamplesTheory]
    [InlineData("jira/statuses-list.json")]
    public void StatusMap_StatusList_CategoriesReadFromKeyNameOrColour(string file)
    {
        var map = new JiraStatusMap();
        map.Add(Read(file));

        // "In Progress" has key "in-flight" but category name "In Progress"; "Closed" has key "completed" and colour green.
        map.Find("10000", null).Should().Be(StatusCategory.InProgress);
        map.Find("5", null).Should().Be(StatusCategory.Done);
        map.Find(null, "closed").Should().Be(StatusCategory.Done);
    }

    [SharedSamplesTheory]
    [InlineData("jira/statuses-search.json")]
    public void StatusMap_StatusesSearchPage_StringCategoriesRead(string file)
    {
        var map = new JiraStatusMap();
        map.Add(Read(file));

        map.Find("1000", "Finished").Should().Be(StatusCategory.Done);
    }

    [SharedSamplesTheory]
    [InlineData("jira/changelog-bulkfetch.json", "issueChangeLogs", "changeHistories", 2)]
    [InlineData("jira/issue-changelog.json", null, "values", 2)]
    public void ChangelogMapper_SampleHistories_DatesReadAndNoStatusItemsMeansNoTransitions(string file, string? outer, string inner, int histories)
    {
        var root = Read(file);
        var logs = outer is null ? [root] : root.Items(outer).ToList();
        var mapper = new JiraChangelogMapper(new JiraStatusMap());
        var all = logs.SelectMany(l => l.Items(inner)).ToList();

        // The samples change summaries and labels only (field "fields"), and send "created" as epoch seconds in the bulk
        // example and as +0000 strings in the per-issue one: both read, none is a status transition.
        all.Should().HaveCount(histories);
        all.SelectMany(h => mapper.Map("ED-1", h)).Should().BeEmpty();
        all.Select(h => JiraDate.Read(h.Get("created"), file)).Should().OnlyContain(d => d!.Value.Year == 1970 || d.Value.Year == 2017);
    }

    [SharedSamplesTheory]
    [InlineData("jira/search-jql.json")]
    public void IssueMapper_SampleWithoutStatus_FailsNamingTheIssueAndField(string file)
    {
        var issue = Read(file).Items("issues").Single();
        var mapper = new JiraIssueMapper(new JiraOptions { BaseUrl = new Uri("https://example.atlassian.net") }, new JiraStatusMap());

        var act = () => mapper.MapTicket(issue);

        act.Should().Throw<SourceDataException>().WithMessage("ED-1: fields.status.name is missing*");
    }

    private static System.Text.Json.JsonElement Read(string file) =>
        JsonFields.Parse(File.ReadAllBytes(Path.Combine(SharedSamplesTheoryAttribute.SamplesFolder!, file)));
}
