using System.Diagnostics;

namespace DenseLinear.Interop.Tests.Keras;

/// <summary>
/// The Keras oracle: <c>oracles/keras/generate.py</c> and <c>check_written.py</c> run by Debian's interpreter with h5py
/// and numpy (Keras itself is not needed: the scripts lay out Keras' files with h5py). <see cref="Unavailable"/> says
/// why they cannot run, with the install command.
/// </summary>
public static class KerasOracle
{
    public const string InstallCommand = "apt-get install -y --no-install-recommends python3-h5py";

    private static readonly Lazy<string?> Reason = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The interpreter: the torch oracle's (Debian's /usr/bin/python3 unless DENSELINEAR_TORCH_PYTHON says otherwise).</summary>
    public static string Interpreter => Torch.TorchWorker.Interpreter;

    /// <summary>Why the scripts cannot run (with the install command), or <see langword="null"/> when they can.</summary>
    public static string? Unavailable => Reason.Value;

    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "oracles", "keras", name);

    /// <summary>Runs the interpreter on <paramref name="arguments"/>; returns its exit code and what it printed.</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Interpreter, arguments) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{Interpreter} did not start");
        Task<string> error = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Interpreter} {string.Join(' ', arguments)} ran past two minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    private static string? Probe()
    {
        string install = $"h5py and numpy are not available to {Interpreter}; install them with `{InstallCommand}` (Debian 12).";
        if (!File.Exists(Interpreter))
        {
            return $"{Interpreter} does not exist. {install}";
        }

        (int exitCode, string output) = Run("-c", "import h5py, numpy");
        return exitCode == 0 ? null : $"{install} ({output.Trim()})";
    }
}
