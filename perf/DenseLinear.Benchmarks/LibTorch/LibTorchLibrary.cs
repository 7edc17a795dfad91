using System.Runtime.InteropServices;
using TorchSharp;

namespace DenseLinear.Benchmarks.LibTorch;

/// <summary>
/// libtorch through TorchSharp, loaded once per process, and why it is not there when it is not: the peer a .NET
/// user reaches for <c>nn.Linear</c> (MKL and oneDNN inside).
/// </summary>
/// <remarks>
/// TorchSharp's <c>libLibTorchSharp.so</c> asks for the version tag <c>GLIBCXX_3.4.32</c>, which an older system
/// libstdc++ (Debian 12 has up to 3.4.30) lacks. The tag belongs to <c>std::ios_base_library_init</c>, a link-time
/// marker of GCC 13's iostream initialization that nothing calls. Where the loader refuses the library for that tag
/// alone, the copy in this program's output is edited to mark the requirement weak
/// (<see cref="ElfVersionRequirement"/>) and loaded again; no other library is installed or changed.
/// </remarks>
public static class LibTorchLibrary
{
    private const string MarkerVersion = "GLIBCXX_3.4.32";

    private static readonly Lazy<string?> LazyFailure = new(Load);

    /// <summary>Whether libtorch loaded and computes.</summary>
    public static bool IsAvailable => LazyFailure.Value is null;

    /// <summary>Why libtorch is not available, or null.</summary>
    public static string? Failure => LazyFailure.Value;

    /// <summary><c>libtorch 2.10.0 through TorchSharp 0.107.0</c>, or why there is none.</summary>
    public static string Describe() =>
        IsAvailable
            ? $"libtorch {torch.__version__} through TorchSharp {typeof(torch).Assembly.GetName().Version?.ToString(3)}"
            : $"libtorch not available: {Failure}";

    /// <summary>Sets libtorch's intra-op thread count; each libtorch row sets its own before it is measured.</summary>
    public static void SetThreads(int threads) => torch.set_num_threads(threads);

    private static string? Load()
    {
        try
        {
            if (OperatingSystem.IsLinux() && PrepareBinding() is { } refusal)
            {
                return refusal;
            }

            // The first use loads the native backend; a tiny product proves it computes.
            using torch.Tensor probe = torch.ones(2, 2).matmul(torch.ones(2, 2));
            return probe.sum().item<float>() == 8f ? null : "a 2×2 product of ones did not sum to 8";
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException or InvalidOperationException
            or BadImageFormatException or EntryPointNotFoundException)
        {
            return (e.InnerException ?? e).Message.Split('\n')[0];
        }
    }

    /// <summary>Loads the binding library, weakening the marker requirement once if that alone stops it; null when it loads.</summary>
    private static string? PrepareBinding()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!File.Exists(path))
        {
            return $"{path} is missing (the libtorch-cpu-linux-x64 package restores it on Linux x64)";
        }

        try
        {
            NativeLibrary.Load(path);
            return null;
        }
        catch (DllNotFoundException e) when (e.Message.Contains(MarkerVersion, StringComparison.Ordinal))
        {
            byte[] bytes = File.ReadAllBytes(path);
            if (ElfVersionRequirement.MarkWeak(bytes, MarkerVersion) == 0)
            {
                return $"the loader refuses {path} for {MarkerVersion}, which is already weak there";
            }

            File.WriteAllBytes(path, bytes);
            return NativeLibrary.TryLoad(path, out _) ? null : $"{path} does not load even with {MarkerVersion} weak";
        }
        catch (DllNotFoundException e)
        {
            return e.Message.Split('\n')[0];
        }
    }
}
