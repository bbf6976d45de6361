using System.Text;

namespace Analytics.Collectors.Tests.TestReports;

/// <summary>
/// One small report per dialect, written for these tests and modelled on real output of each tool (the shapes of the
/// files in the shared samples folder). Each constant says what it holds and how its expected counts were made.
/// </summary>
internal static class ReportCorpus
{
    /// <summary>
    /// Maven Surefire 3 (root testsuite, schema and version). Executions, in order: add P; divide F; parse E; ignored S;
    /// flaky F (flakyFailure), E (flakyError), P (final); broken F (failure), F (rerunFailure), E (rerunError); slow P.
    /// Passed 3, failed 4, errored 3, skipped 1 = 11; retried 2 (flaky, broken); 7 test cases.
    /// </summary>
    public const string Surefire = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd" version="3.0.2" name="com.acme.CalculatorTest" time="1,236.2" tests="7" errors="1" skipped="1" failures="2">
          <properties>
            <property name="java.version" value="21"/>
          </properties>
          <testcase name="add" classname="com.acme.CalculatorTest" time="0.005"/>
          <testcase name="divide" classname="com.acme.CalculatorTest" time="0.010">
            <failure message="expected: &lt;2&gt; but was: &lt;3&gt;" type="org.opentest4j.AssertionFailedError"><![CDATA[org.opentest4j.AssertionFailedError: expected: <2> but was: <3>
            at com.acme.CalculatorTest.divide(CalculatorTest.java:20)]]></failure>
          </testcase>
          <testcase name="parse" classname="com.acme.CalculatorTest" time="0.002">
            <error message="For input string: &quot;x&quot;" type="java.lang.NumberFormatException">java.lang.NumberFormatException: For input string: "x"</error>
          </testcase>
          <testcase name="ignored" classname="com.acme.CalculatorTest" time="0">
            <skipped message="disabled until ACME-12"/>
          </testcase>
          <testcase name="flaky" classname="com.acme.CalculatorTest" time="0.034">
            <flakyFailure message="expected: &lt;1&gt; but was: &lt;0&gt;" type="org.opentest4j.AssertionFailedError">
              <stackTrace><![CDATA[org.opentest4j.AssertionFailedError: expected: <1> but was: <0>
            at com.acme.CalculatorTest.flaky(CalculatorTest.java:31)]]></stackTrace>
              <system-out><![CDATA[attempt 1]]></system-out>
            </flakyFailure>
            <flakyError type="java.lang.IllegalStateException">
              <stackTrace><![CDATA[
        java.lang.IllegalStateException: connection reset
            at com.acme.CalculatorTest.flaky(CalculatorTest.java:33)]]></stackTrace>
            </flakyError>
          </testcase>
          <testcase name="broken" classname="com.acme.CalculatorTest" time="0.5">
            <failure message="always broken" type="java.lang.AssertionError">java.lang.AssertionError: always broken</failure>
            <rerunFailure message="still broken" type="java.lang.AssertionError" time="0.25">
              <stackTrace>java.lang.AssertionError: still broken</stackTrace>
            </rerunFailure>
            <rerunError type="java.lang.OutOfMemoryError">
              <stackTrace>java.lang.OutOfMemoryError: Java heap space</stackTrace>
            </rerunError>
          </testcase>
          <testcase name="slow" classname="com.acme.CalculatorTest" time="1,234.5"/>
        </testsuite>
        """;

    /// <summary>
    /// Gradle (root testsuite with hostname and a zone-less UTC timestamp). The test-retry plugin repeats a testcase:
    /// retried F then P. Executions: passes P, fails F, skips S, retried F, retried P. Passed 2, failed 2, skipped 1 = 5;
    /// retried 1.
    /// </summary>
    public const string Gradle = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="com.acme.GradleTest" tests="5" skipped="1" failures="2" errors="0" timestamp="2026-11-10T08:00:00" hostname="runner-1" time="0.9">
          <properties/>
          <testcase name="passes" classname="com.acme.GradleTest" time="0.1"/>
          <testcase name="fails" classname="com.acme.GradleTest" time="0.2">
            <failure message="java.lang.AssertionError: expected true" type="java.lang.AssertionError">java.lang.AssertionError: expected true
            at com.acme.GradleTest.fails(GradleTest.java:12)</failure>
          </testcase>
          <testcase name="skips" classname="com.acme.GradleTest" time="0.0">
            <skipped/>
          </testcase>
          <testcase name="retried" classname="com.acme.GradleTest" time="0.3">
            <failure message="java.net.SocketTimeoutException: timeout" type="java.net.SocketTimeoutException">java.net.SocketTimeoutException: timeout</failure>
          </testcase>
          <testcase name="retried" classname="com.acme.GradleTest" time="0.3"/>
          <system-out><![CDATA[]]></system-out>
          <system-err><![CDATA[]]></system-err>
        </testsuite>
        """;

    /// <summary>
    /// pytest --junitxml (testsuites wrapper, suite "pytest", timestamp with offset). Executions: test_ok P,
    /// test_fails F, test_network S ("no network"), test_xfail S, test_setup E, test_param[a-1] P (with file).
    /// Passed 2, failed 1, errored 1, skipped 2 = 6.
    /// </summary>
    public const string Pytest = """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites name="pytest tests">
          <testsuite name="pytest" errors="1" failures="1" skipped="2" tests="6" time="0.120" timestamp="2026-11-10T09:00:00.123456+01:00" hostname="ci">
            <testcase classname="tests.test_api" name="test_ok" time="0.002"/>
            <testcase classname="tests.test_api" name="test_fails" time="0.010">
              <failure message="assert 1 == 2">def test_fails():
        &gt;       assert 1 == 2
        E       assert 1 == 2</failure>
            </testcase>
            <testcase classname="tests.test_api" name="test_network" time="0.000">
              <skipped type="pytest.skip" message="no network">tests/test_api.py:20: no network</skipped>
            </testcase>
            <testcase classname="tests.test_api" name="test_xfail" time="0.000">
              <skipped type="pytest.xfail" message=""/>
            </testcase>
            <testcase classname="tests.test_api" name="test_setup" time="0.001">
              <error message="failed on setup with &quot;fixture 'db' not found&quot;">file tests/test_api.py, line 30</error>
            </testcase>
            <testcase classname="tests.test_api" name="test_param[a-1]" file="tests/test_api.py" line="40" time="0.003">
              <properties>
                <property name="example_key" value="1"/>
              </properties>
            </testcase>
          </testsuite>
        </testsuites>
        """;

    /// <summary>
    /// jest-junit (root "jest tests", zone-less UTC timestamps, failures without attributes). Executions: adds P,
    /// rejects F, two-failures F (two failure elements, one execution), pending S, todo P (a bare testcase), and a suite
    /// that failed to run (timestamp 1970, a placeholder) E. Passed 2, failed 2, errored 1, skipped 1 = 6.
    /// </summary>
    public const string Jest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="jest tests" tests="5" failures="2" errors="1" time="1.2">
          <testsuite name="__tests__\math.test.js" errors="0" failures="2" skipped="1" timestamp="2026-11-10T10:00:00" time="0.5" tests="5">
            <testcase classname="math adds" name="math adds" time="0.001">
            </testcase>
            <testcase classname="math › division rejects" name="math › division rejects" time="0.002">
              <failure>Error: expect(received).toThrow()

        Received function did not throw
            at Object.&lt;anonymous&gt; (__tests__/math.test.js:10:21)</failure>
            </testcase>
            <testcase classname="math two-failures" name="math two-failures" time="0.003">
              <failure>Error: first</failure>
              <failure>Error: second</failure>
            </testcase>
            <testcase classname="math pending" name="math pending" time="0">
              <skipped/>
            </testcase>
            <testcase classname="math todo" name="math todo" time="0">
            </testcase>
          </testsuite>
          <testsuite name="libs/foo.spec.ts" errors="1" failures="0" skipped="0" timestamp="1970-01-01T00:00:00" time="0" tests="0">
            <testcase classname="Test suite failed to run" name="libs/foo.spec.ts" time="0">
              <error>  ● Test suite failed to run

            Cannot find module './foo'</error>
            </testcase>
          </testsuite>
        </testsuites>
        """;

    /// <summary>
    /// go-junit-report (go.version property, suites with hostname and id). Executions: TestA P, TestB F, TestB/sub P,
    /// TestC S, [build failed] E. Passed 2, failed 1, errored 1, skipped 1 = 5.
    /// </summary>
    public const string GoJunitReport = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites tests="5" failures="1" errors="1" skipped="1">
        	<testsuite name="acme/api/pkg" tests="4" failures="1" errors="0" id="0" hostname="hostname" skipped="1" time="0.300" timestamp="2026-11-10T11:00:00Z">
        		<properties>
        			<property name="go.version" value="go1.23.0"></property>
        		</properties>
        		<testcase name="TestA" classname="acme/api/pkg" time="0.100"></testcase>
        		<testcase name="TestB" classname="acme/api/pkg" time="0.150">
        			<failure message="Failed"><![CDATA[    b_test.go:6: got 1, want 2]]></failure>
        		</testcase>
        		<testcase name="TestB/sub" classname="acme/api/pkg" time="0.010"></testcase>
        		<testcase name="TestC" classname="acme/api/pkg" time="0.000">
        			<skipped message="Skipped"><![CDATA[    c_test.go:9: needs docker]]></skipped>
        		</testcase>
        	</testsuite>
        	<testsuite name="acme/api/broken" tests="1" failures="0" errors="1" id="1" hostname="hostname" time="0.000" timestamp="2026-11-10T11:00:00Z">
        		<properties>
        			<property name="go.version" value="go1.23.0"></property>
        		</properties>
        		<testcase name="[build failed]" classname="acme/api/broken" time="0.000">
        			<error message="Build error"><![CDATA[broken/x_test.go:15: undefined: x]]></error>
        		</testcase>
        	</testsuite>
        </testsuites>
        """;

    /// <summary>
    /// gotestsum with --rerun-fails (go.version property, suites without hostname, placeholder timestamps, a TestMain
    /// failure with an empty classname, a rerun repeated as a second testcase). Executions: TestMain F, TestFlaky F,
    /// TestOk P, TestSkip S, TestFlaky P. Passed 2, failed 2, skipped 1 = 5; retried 1 (TestFlaky).
    /// </summary>
    public const string Gotestsum = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="test" tests="4" failures="2" errors="0" time="2.1">
        	<testsuite tests="1" failures="1" time="0.001000" name="acme/api/badmain" timestamp="0001-01-01T00:00:00Z">
        		<properties>
        			<property name="go.version" value="go1.23.0"></property>
        		</properties>
        		<testcase classname="" name="TestMain" time="0.000000">
        			<failure message="Failed" type="">sometimes main can exit 2&#xA;FAIL&#x9;acme/api/badmain&#x9;0.001s&#xA;</failure>
        		</testcase>
        	</testsuite>
        	<testsuite tests="3" failures="1" skipped="1" time="0.200000" name="acme/api/good" timestamp="2026-11-10T11:30:00Z">
        		<properties>
        			<property name="go.version" value="go1.23.0"></property>
        		</properties>
        		<testcase classname="acme/api/good" name="TestFlaky" time="0.100000">
        			<failure message="Failed" type="">=== RUN   TestFlaky&#xA;    flaky_test.go:12: timed out&#xA;--- FAIL: TestFlaky (0.10s)&#xA;</failure>
        		</testcase>
        		<testcase classname="acme/api/good" name="TestOk" time="0.000000"></testcase>
        		<testcase classname="acme/api/good" name="TestSkip" time="0.000000">
        			<skipped message="=== RUN   TestSkip&#xA;    skip_test.go:9: short mode&#xA;--- SKIP: TestSkip (0.00s)&#xA;"></skipped>
        		</testcase>
        		<testcase classname="acme/api/good" name="TestFlaky" time="0.090000"></testcase>
        	</testsuite>
        </testsuites>
        """;

    /// <summary>
    /// The .NET JUnit logger (no declaration, a byte order mark added by <see cref="Bytes"/>, suite named after the
    /// assembly, local time without a zone, 7-decimal times). Executions: Adds P, Divides F, Ignored S, Tiny P.
    /// Passed 2, failed 1, skipped 1 = 4.
    /// </summary>
    public const string DotNetJunitLogger = """
        <testsuites>
          <testsuite name="Acme.Tests.dll" tests="4" skipped="1" failures="1" errors="0" time="0.05" timestamp="2026-11-10T12:00:00" hostname="runner" id="0" package="Acme.Tests.dll">
            <properties />
            <testcase classname="Acme.Tests.LoggerTests" name="Adds" time="0.0123450" />
            <testcase classname="Acme.Tests.LoggerTests" name="Divides" time="0.0017970">
              <failure type="failure" message="  Expected: False&#xD;&#xA;  But was:  True&#xD;&#xA;">at Acme.Tests.LoggerTests.Divides() in /src/LoggerTests.cs:line 20</failure>
            </testcase>
            <testcase classname="Acme.Tests.LoggerTests" name="Ignored" time="0.0002950">
              <skipped />
            </testcase>
            <testcase classname="Acme.Tests.LoggerTests" name="Tiny" time="0.0000001" />
          </testsuite>
          <system-out>log</system-out>
        </testsuites>
        """;

    /// <summary>
    /// TRX (namespace, results before definitions). Results: Adds P, Divides F, Skipped S (NotExecuted, no timing),
    /// Hangs E (Timeout), Retried F then Retried P (two results of one test), and a class-cleanup pseudo-test without a
    /// class F. Passed 2, failed 3, errored 1, skipped 1 = 7; retried 1.
    /// </summary>
    public const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="54e29175-539e-48a3-a634-3a1855a0ed38" name="runner 2026-11-10 13:00:00" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Times creation="2026-11-10T13:00:00.0000000Z" queuing="2026-11-10T13:00:00.0000000Z" start="2026-11-10T13:00:00.0000000Z" finish="2026-11-10T13:00:05.0000000Z" />
          <TestSettings name="default" id="932e6c6f-3e5b-4392-ad65-e04c1ef476b5" />
          <Results>
            <UnitTestResult executionId="e1" testId="t1" testName="Acme.Tests.CalculatorTests.Adds" computerName="runner" duration="00:00:00.0170545" startTime="2026-11-10T13:00:01.1000000+00:00" endTime="2026-11-10T13:00:01.2000000+00:00" outcome="Passed" testListId="l" />
            <UnitTestResult executionId="e2" testId="t2" testName="Acme.Tests.CalculatorTests.Divides" computerName="runner" duration="00:00:01.5000000" startTime="2026-11-10T14:00:01.0000000+01:00" endTime="2026-11-10T14:00:02.5000000+01:00" outcome="Failed" testListId="l">
              <Output>
                <StdOut>noise</StdOut>
                <ErrorInfo>
                  <Message>Assert.Equal() Failure: Values differ
        Expected: 2
        Actual:   3</Message>
                  <StackTrace>   at Acme.Tests.CalculatorTests.Divides() in /src/CalculatorTests.cs:line 25</StackTrace>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult executionId="e3" testId="t3" testName="Acme.Tests.CalculatorTests.Skipped" computerName="runner" outcome="NotExecuted" testListId="l">
              <Output><ErrorInfo><Message>Not ready</Message></ErrorInfo></Output>
            </UnitTestResult>
            <UnitTestResult executionId="e4" testId="t4" testName="Acme.Tests.CalculatorTests.Hangs" computerName="runner" duration="00:01:00.0000000" startTime="2026-11-10T13:00:02.0000000+00:00" endTime="2026-11-10T13:01:02.0000000+00:00" outcome="Timeout" testListId="l" />
            <UnitTestResult executionId="e5" testId="t5" testName="Acme.Tests.CalculatorTests.Retried" computerName="runner" duration="00:00:00.2000000" startTime="2026-11-10T13:00:03.0000000+00:00" endTime="2026-11-10T13:00:03.2000000+00:00" outcome="Failed" testListId="l" />
            <UnitTestResult executionId="e6" testId="t6" testName="[Test Class Cleanup Failure (Acme.Tests.CalculatorTests.Adds)]" computerName="runner" duration="00:00:00" outcome="Failed" testListId="l" />
            <UnitTestResult executionId="e7" testId="t5" testName="Acme.Tests.CalculatorTests.Retried" computerName="runner" duration="00:00:00.1000000" startTime="2026-11-10T13:00:04.0000000+00:00" endTime="2026-11-10T13:00:04.1000000+00:00" outcome="Passed" testListId="l" />
          </Results>
          <TestDefinitions>
            <UnitTest name="Acme.Tests.CalculatorTests.Adds" storage="/home/runner/work/acme/bin/Acme.Tests.dll" id="t1"><Execution id="e1" /><TestMethod codeBase="Acme.Tests.dll" adapterTypeName="executor://xunit" className="Acme.Tests.CalculatorTests" name="Adds" /></UnitTest>
            <UnitTest name="Acme.Tests.CalculatorTests.Divides" storage="/home/runner/work/acme/bin/Acme.Tests.dll" id="t2"><Execution id="e2" /><TestMethod codeBase="Acme.Tests.dll" adapterTypeName="executor://xunit" className="Acme.Tests.CalculatorTests" name="Divides" /></UnitTest>
            <UnitTest name="Acme.Tests.CalculatorTests.Skipped" storage="/home/runner/work/acme/bin/Acme.Tests.dll" id="t3"><Execution id="e3" /><TestMethod codeBase="Acme.Tests.dll" adapterTypeName="executor://xunit" className="Acme.Tests.CalculatorTests" name="Skipped" /></UnitTest>
            <UnitTest name="Acme.Tests.CalculatorTests.Hangs" storage="C:\work\acme\bin\Acme.Tests.dll" id="t4"><Execution id="e4" /><TestMethod codeBase="Acme.Tests.dll" adapterTypeName="executor://xunit" className="Acme.Tests.CalculatorTests" name="Hangs" /></UnitTest>
            <UnitTest name="Acme.Tests.CalculatorTests.Retried" storage="/home/runner/work/acme/bin/Acme.Tests.dll" id="t5"><Execution id="e5" /><TestMethod codeBase="Acme.Tests.dll" adapterTypeName="executor://xunit" className="Acme.Tests.CalculatorTests" name="Retried" /></UnitTest>
            <UnitTest name="[Test Class Cleanup Failure (Acme.Tests.CalculatorTests.Adds)]" storage="/home/runner/work/acme/bin/Acme.Tests.dll" id="t6"><Execution id="e6" /><TestMethod codeBase="Acme.Tests.dll" adapterTypeName="executor://xunit" name="[Test Class Cleanup Failure (Acme.Tests.CalculatorTests.Adds)]" /></UnitTest>
          </TestDefinitions>
          <ResultSummary outcome="Failed">
            <Counters total="7" executed="6" passed="2" failed="3" error="0" timeout="1" notExecuted="0" />
          </ResultSummary>
        </TestRun>
        """;

    /// <summary>Every report with its file name, dialect and expected counts (passed, failed, errored, skipped, retried).</summary>
    public static IReadOnlyList<CorpusReport> All { get; } =
    [
        new("TEST-com.acme.CalculatorTest.xml", Surefire, "Surefire", 3, 4, 3, 1, 2),
        new("TEST-com.acme.GradleTest.xml", Gradle, "Gradle", 2, 2, 0, 1, 1),
        new("pytest.xml", Pytest, "Pytest", 2, 1, 1, 2, 0),
        new("junit.xml", Jest, "Jest", 2, 2, 1, 1, 0),
        new("go-junit-report.xml", GoJunitReport, "GoJunitReport", 2, 1, 1, 1, 0),
        new("gotestsum.xml", Gotestsum, "Gotestsum", 2, 2, 0, 1, 1),
        new("dotnet-junit.xml", DotNetJunitLogger, "DotNetJunitLogger", 2, 1, 0, 1, 0),
        new("results.trx", Trx, "Trx", 2, 3, 1, 1, 1),
    ];

    /// <summary>The report as a file writes it: UTF-8, with a byte order mark for the .NET JUnit logger as it writes one.</summary>
    public static byte[] Bytes(string report) =>
        report == DotNetJunitLogger ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(report)] : Encoding.UTF8.GetBytes(report);
}
