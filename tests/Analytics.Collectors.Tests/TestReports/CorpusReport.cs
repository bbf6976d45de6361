namespace Analytics.Collectors.Tests.TestReports;

/// <summary>A report of the corpus and what it must ingest to.</summary>
internal sealed record CorpusReport(string FileName, string Content, string Dialect, int Passed, int Failed, int Errored, int Skipped, int Retried)
{
    public int Results => Passed + Failed + Errored + Skipped;

    public override string ToString() => FileName;
}
