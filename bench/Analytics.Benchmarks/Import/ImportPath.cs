namespace Analytics.Benchmarks.Import;

/// <summary>The end-to-end write paths the import benchmark times.</summary>
internal enum ImportPath
{
    /// <summary>Generated records streamed into one transaction, 5,000 per <c>UpsertAsync</c> call.</summary>
    Upsert,

    /// <summary><c>RecordFileImporter.ImportAsync</c> of a CSV file into an empty store (what <c>analytics import</c> does).</summary>
    FileImport,

    /// <summary>The same file imported again into the store that holds it: every row arrives unchanged.</summary>
    Reimport,
}
