namespace Analytics.Collectors.TestReports;

/// <summary>
/// The tool that wrote a test report, told from its root element, namespace and attributes. JUnit dialects share one
/// parser; the dialect decides only how a timestamp without a zone is read and what the results are labelled with.
/// </summary>
public enum TestReportDialect
{
    /// <summary>JUnit XML from a tool not recognised more precisely (read with the common rules).</summary>
    JUnit,

    /// <summary>Maven Surefire or Failsafe (<c>version</c> attribute or the Surefire schema; <c>flaky*</c>/<c>rerun*</c> elements).</summary>
    Surefire,

    /// <summary>Gradle (a root <c>testsuite</c> with <c>hostname</c> and a UTC <c>timestamp</c> without a zone).</summary>
    Gradle,

    /// <summary>pytest <c>--junitxml</c> (suite named <c>pytest</c>).</summary>
    Pytest,

    /// <summary>jest-junit (root named <c>jest tests</c>; timestamps are UTC without a zone).</summary>
    Jest,

    /// <summary>go-junit-report (<c>go.version</c> property, suites with <c>hostname</c>).</summary>
    GoJunitReport,

    /// <summary>gotestsum (<c>go.version</c> property, suites without <c>hostname</c>).</summary>
    Gotestsum,

    /// <summary>The .NET JUnit logger (JunitXml.TestLogger: suites named after the test assembly).</summary>
    DotNetJunitLogger,

    /// <summary>.NET TRX (Visual Studio Team Test 2010 schema).</summary>
    Trx,
}
