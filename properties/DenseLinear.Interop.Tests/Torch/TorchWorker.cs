using System.Diagnostics;
using System.Text.Json.Nodes;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// The one <c>/usr/bin/python3 oracles/torch/worker.py</c> process of a test run: started on first use, sent one JSON
/// line per request, closed when the test process exits. <see cref="Unavailable"/> says why there is none.
/// </summary>
public sealed class TorchWorker
{
    /// <summary>Debian's interpreter, the one python3-torch installs for; DENSELINEAR_TORCH_PYTHON overrides it.</summary>
    public static readonly string Interpreter = Environment.GetEnvironmentVariable("DENSELINEAR_TORCH_PYTHON") is { Length: > 0 } path ? path : "/usr/bin/python3";

    public const string InstallCommand = "apt-get install -y --no-install-recommends python3-torch";

    private static readonly Lazy<(TorchWorker? Worker, string? Reason)> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private static long requests;

    private readonly Process process;
    private readonly Lock gate = new();

    private TorchWorker(Process process, string version)
    {
        this.process = process;
        Version = version;
    }

    /// <summary>torch's version as the worker reports it.</summary>
    public string Version { get; }

    /// <summary>The worker, started on first use.</summary>
    /// <exception cref="InvalidOperationException">torch is not available; the message says why and how to install it.</exception>
    public static TorchWorker Shared => Instance.Value.Worker ?? throw new InvalidOperationException(Instance.Value.Reason);

    /// <summary>Why there is no worker (with the install command), or <see langword="null"/> when there is one.</summary>
    public static string? Unavailable => Instance.Value.Reason;

    /// <summary>The number of requests answered so far in this test process.</summary>
    public static long Requests => Interlocked.Read(ref requests);

    /// <summary>Sends <paramref name="request"/> and returns the reply.</summary>
    /// <exception cref="InvalidOperationException">The worker replied with an error or died.</exception>
    public JsonObject Ask(JsonObject request)
    {
        lock (gate)
        {
            process.StandardInput.WriteLine(request.ToJsonString());
            process.StandardInput.Flush();
            string? line = process.StandardOutput.ReadLine();
            JsonObject reply = (line is null ? null : JsonNode.Parse(line) as JsonObject)
                ?? throw new InvalidOperationException($"The torch worker ended: {process.StandardError.ReadToEnd()}");
            if (reply["error"] is JsonNode error)
            {
                throw new InvalidOperationException($"The torch worker failed on {request.ToJsonString()}: {error}");
            }

            Interlocked.Increment(ref requests);
            return reply;
        }
    }

    private static (TorchWorker?, string?) Start()
    {
        string script = Path.Combine(AppContext.BaseDirectory, "oracles", "torch", "worker.py");
        string install = $"PyTorch is not available to {Interpreter}; install it with `{InstallCommand}` (Debian 12).";
        if (!File.Exists(Interpreter))
        {
            return (null, $"{Interpreter} does not exist. {install}");
        }

        var start = new ProcessStartInfo(Interpreter, [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        string? ready = process.StandardOutput.ReadLine();
        if (ready is null || !ready.StartsWith("ready ", StringComparison.Ordinal))
        {
            process.WaitForExit();
            return (null, $"{install} ({process.StandardError.ReadToEnd().Trim().Split('\n')[^1]})");
        }

        var worker = new TorchWorker(process, ready["ready ".Length..]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => worker.Close();
        return (worker, null);
    }

    private void Close()
    {
        // End of input ends the worker's loop.
        process.StandardInput.Close();
        if (!process.WaitForExit(5000))
        {
            process.Kill();
        }

        process.Dispose();
    }

    /// <summary>Hex of little-endian values, as the worker reads them.</summary>
    public static string Hex<T>(ReadOnlySpan<T> values)
        where T : unmanaged => Convert.ToHexString(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));

    /// <summary>Values from the worker's hex.</summary>
    public static T[] Values<T>(JsonNode? hex)
        where T : unmanaged => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(Convert.FromHexString(hex!.GetValue<string>())).ToArray();

    internal static JsonArray Shape(IEnumerable<int> shape) => [.. shape.Select(d => (JsonNode)d)];

    internal static string DTypeName<T>() => typeof(T) == typeof(float) ? "float32" : "float64";

}
