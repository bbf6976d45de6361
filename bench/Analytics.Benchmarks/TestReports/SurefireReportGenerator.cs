using System.Globalization;
using System.Text;

namespace Analytics.Benchmarks.TestReports;

/// <summary>
/// Writes a large Surefire-style report: one root <c>testsuite</c> holding test cases of many classes, mostly passing,
/// with failures and errors carrying stack traces, skips, flaky tests (<c>flakyFailure</c> with stack trace and
/// output) and tests that failed every rerun (<c>rerunFailure</c>), and captured output on some passes. Deterministic.
/// </summary>
internal static class SurefireReportGenerator
{
    /// <summary>Writes at least <paramref name="bytes"/> bytes of report to <paramref name="path"/>.</summary>
    /// <returns>The executions the report holds (test cases plus flaky and rerun executions).</returns>
    public static long Write(string path, long bytes)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20);
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        writer.Write("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd\" version=\"3.0.2\" name=\"com.acme.AllTests\" time=\"1,234.5\" tests=\"0\" errors=\"0\" skipped=\"0\" failures=\"0\">\n");
        writer.Write("  <properties>\n    <property name=\"java.version\" value=\"21.0.2\"/>\n  </properties>\n");
        var stack = StackTrace();
        long executions = 0;
        for (var i = 0; stream.Position < bytes; i++)
        {
            var className = string.Create(CultureInfo.InvariantCulture, $"com.acme.module{i % 97}.Service{i / 40 % 5000}Test");
            var name = string.Create(CultureInfo.InvariantCulture, $"should_handle_case_{i}");
            var time = ((long)i * 7919 % 5000 / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
            var kind = i % 100;
            writer.Write($"  <testcase name=\"{name}\" classname=\"{className}\" time=\"{time}\"");
            executions++;
            switch (kind)
            {
                case < 88:
                    writer.Write("/>\n");
                    break;
                case < 92:
                    writer.Write($">\n    <failure message=\"expected: &lt;{i}&gt; but was: &lt;{i + 1}&gt;\" type=\"org.opentest4j.AssertionFailedError\"><![CDATA[{stack}]]></failure>\n  </testcase>\n");
                    break;
                case < 93:
                    writer.Write($">\n    <error message=\"Connection refused\" type=\"java.net.ConnectException\"><![CDATA[{stack}]]></error>\n    <system-out><![CDATA[connecting to db-{i}:5432\n]]></system-out>\n  </testcase>\n");
                    break;
                case < 96:
                    writer.Write(">\n    <skipped message=\"disabled until ACME-123\"/>\n  </testcase>\n");
                    break;
                case < 98:
                    writer.Write($">\n    <flakyFailure message=\"expected: &lt;1&gt; but was: &lt;0&gt;\" type=\"org.opentest4j.AssertionFailedError\">\n      <stackTrace><![CDATA[{stack}]]></stackTrace>\n      <system-out><![CDATA[attempt 1 of {name}\n]]></system-out>\n    </flakyFailure>\n  </testcase>\n");
                    executions++;
                    break;
                case < 99:
                    writer.Write($">\n    <failure message=\"always\" type=\"java.lang.AssertionError\"><![CDATA[{stack}]]></failure>\n    <rerunFailure message=\"always\" type=\"java.lang.AssertionError\">\n      <stackTrace><![CDATA[{stack}]]></stackTrace>\n    </rerunFailure>\n  </testcase>\n");
                    executions++;
                    break;
                default:
                    writer.Write($">\n    <system-out><![CDATA[{stack}]]></system-out>\n  </testcase>\n");
                    break;
            }
        }

        writer.Write("</testsuite>\n");
        return executions;
    }

    private static string StackTrace()
    {
        var text = new StringBuilder("org.opentest4j.AssertionFailedError: expected: <1> but was: <0>\n");
        for (var frame = 0; frame < 12; frame++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\tat org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:{100 + frame})\n");
        }

        return text.ToString();
    }
}
