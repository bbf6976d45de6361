using System.CommandLine;
using Analytics.Host.Cli;
using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Rules.Testing;

namespace Analytics.Host.Commands;

/// <summary>
/// <c>analytics rules check [path]</c> lints rule files; <c>analytics rules test [path]</c> runs rule unit tests
/// (<c>*.test.yaml</c>). Exit codes: 0 all good; 1 a rule test failed; 2 a file does not load.
/// </summary>
internal static class RulesCommand
{
    /// <summary>Where rules live when no path is given.</summary>
    public const string DefaultPath = "rules";

    public static Command Create(CommandRunner runner)
    {
        var command = new Command("rules", "Check and test alerting rules (format: docs/rules.md).");
        command.Subcommands.Add(Check(runner));
        command.Subcommands.Add(Test(runner));
        return command;
    }

    private static Command Check(CommandRunner runner)
    {
        var path = new Argument<string?>("path") { Description = "A rule file or a folder of them (default: rules).", Arity = ArgumentArity.ZeroOrOne };
        var json = GlobalOptions.Json();
        var command = new Command("check", "Lint rule files: syntax, unknown signals and labels, types, templates, routing.") { path, json };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var rules = Load(session, session.Parse.GetValue(path));
            if (session.Parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session.Environment.Out, new
                {
                    files = rules.Files.Count,
                    groups = rules.Groups.Count,
                    rules = rules.Rules.Count(),
                    diagnostics = rules.Diagnostics.Select(d => Relative(session, d)).Select(d => new { file = d.File, line = d.Line, column = d.Column, severity = d.Severity, message = d.Message }),
                });
            }
            else
            {
                foreach (var diagnostic in rules.Diagnostics)
                {
                    await session.Environment.Out.WriteLineAsync(Relative(session, diagnostic).ToString());
                }

                await session.Environment.Out.WriteLineAsync(Summary(rules));
            }

            return rules.HasErrors ? ExitCode.UserError : ExitCode.Ok;
        });
        return command;
    }

    private static Command Test(CommandRunner runner)
    {
        var path = new Argument<string?>("path") { Description = "A rule test file (*.test.yaml) or a folder of them (default: rules).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("test", "Run rule unit tests: input series, evaluation times and expected alerts, like promtool test rules.") { path };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var target = Resolve(session, session.Parse.GetValue(path));
            var run = RuleTestRunner.RunAll(target, SignalLabels.Catalog);
            var output = session.Environment.Out;
            foreach (var diagnostic in run.Diagnostics)
            {
                await output.WriteLineAsync(Relative(session, diagnostic).ToString());
            }

            foreach (var result in run.Results)
            {
                await output.WriteLineAsync($"{(result.Passed ? "PASS" : "FAIL")} {Path.GetRelativePath(session.Environment.WorkingDirectory, result.File)}: {result.Name}");
                foreach (var failure in result.Failures)
                {
                    await output.WriteLineAsync("     " + failure);
                }
            }

            var failed = run.Results.Count(r => !r.Passed);
            await output.WriteLineAsync($"{run.Results.Count - failed} passed, {failed} failed");
            if (run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return ExitCode.UserError;
            }

            if (run.Results.Count == 0)
            {
                throw new UserErrorException($"no rule tests (*.test.yaml) found at {target}");
            }

            return failed > 0 ? ExitCode.Findings : ExitCode.Ok;
        });
        return command;
    }

    /// <summary>Loads the rules at <paramref name="path"/> (default: rules/ in the working directory).</summary>
    public static RuleSet Load(CommandSession session, string? path) => RuleSet.Load(Resolve(session, path), SignalLabels.Catalog);

    /// <summary>One line: how many files, groups and rules, errors and warnings.</summary>
    public static string Summary(RuleSet rules) =>
        $"{rules.Files.Count} file(s), {rules.Groups.Count} group(s), {rules.Rules.Count()} rule(s) loaded; "
        + $"{rules.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} error(s), {rules.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning)} warning(s)";

    /// <summary>The diagnostic with its file relative to the working directory, as the user wrote it.</summary>
    public static RuleDiagnostic Relative(CommandSession session, RuleDiagnostic diagnostic) =>
        diagnostic with { File = Path.GetRelativePath(session.Environment.WorkingDirectory, diagnostic.File) };

    private static string Resolve(CommandSession session, string? path)
    {
        var full = session.Environment.PathOf(path ?? DefaultPath);
        return File.Exists(full) || Directory.Exists(full)
            ? full
            : throw new UserErrorException($"no rule file or folder at {path ?? DefaultPath}");
    }
}
