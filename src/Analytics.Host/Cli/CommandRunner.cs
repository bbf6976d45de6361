using System.CommandLine;
using Analytics.Collectors.Git;
using Analytics.Storage;

namespace Analytics.Host.Cli;

/// <summary>
/// Runs a command's handler and turns what it throws into one line on stderr and an exit code: user errors (bad input,
/// bad settings, an unreachable store) are 2, cancellation is 130, anything else is a bug (3) with its stack trace
/// under <c>--verbose</c>.
/// </summary>
internal sealed class CommandRunner(GlobalOptions global, CliEnvironment environment)
{
    /// <summary>Sets <paramref name="command"/>'s action to run <paramref name="handler"/> this way.</summary>
    public void Bind(Command command, Func<CommandSession, CancellationToken, Task<ExitCode>> handler) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var session = new CommandSession(parse, global, environment);
                return (int)await handler(session, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await environment.Error.WriteLineAsync("cancelled");
                return (int)ExitCode.Cancelled;
            }
            catch (Exception e) when (e is UserErrorException or StoreException or GitException)
            {
                await environment.Error.WriteLineAsync($"error: {e.Message}");
                if (parse.GetValue(global.Verbose) && e.InnerException is not null)
                {
                    await environment.Error.WriteLineAsync(e.InnerException.ToString());
                }

                return (int)ExitCode.UserError;
            }
            catch (Exception e)
            {
                await environment.Error.WriteLineAsync($"internal error: {e.Message} (please report it; --verbose shows the details)");
                if (parse.GetValue(global.Verbose))
                {
                    await environment.Error.WriteLineAsync(e.ToString());
                }

                return (int)ExitCode.InternalError;
            }
        });
}
