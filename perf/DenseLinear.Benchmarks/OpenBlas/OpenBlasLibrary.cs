using System.Reflection;
using System.Runtime.InteropServices;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// Finds OpenBLAS under one of its common file names and says whether it is there, so a machine without it
/// skips the OpenBLAS rows instead of failing with <see cref="DllNotFoundException"/>.
/// </summary>
internal static class OpenBlasLibrary
{
    // Debian's libopenblas0-* packages ship libopenblas.so.0; a development package adds libopenblas.so.
    private static readonly string[] CandidateNames =
        ["libopenblas.so.0", "libopenblas.so", "openblas", "libopenblas.so.3", "libopenblas.dylib", "libopenblas.dll"];

    /// <summary>An explicit library path, tried before the common names (e.g. a build outside the loader's path).</summary>
    public const string PathVariable = "DENSELINEAR_OPENBLAS";

    private static readonly Lazy<nint> Handle = new(LoadAndRegister);

    /// <summary>Whether a library exporting <c>cblas_sgemm</c> was found.</summary>
    public static bool IsAvailable => Handle.Value != 0;

    /// <summary>The file name that loaded, or null.</summary>
    public static string? LoadedName { get; private set; }

    /// <summary>A one-line description for logs: the file and OpenBLAS's own build string.</summary>
    public static string Describe() =>
        IsAvailable
            ? $"{LoadedName} ({Marshal.PtrToStringUTF8(OpenBlasNative.GetConfig())?.Trim()})"
            : $"not found (tried {string.Join(", ", CandidateNames)}); install it with: apt-get install -y libopenblas0-pthread";

    /// <summary>
    /// The kernel family OpenBLAS chose at load (<c>openblas_get_corename</c>), or null when the library is missing
    /// or does not export it. It is decided once per process, from the CPU and <see cref="OpenBlasEnvironment"/>.
    /// </summary>
    public static string? CoreName =>
        IsAvailable && NativeLibrary.TryGetExport(Handle.Value, "openblas_get_corename", out _)
            ? Marshal.PtrToStringUTF8(OpenBlasNative.GetCorename())?.Trim()
            : null;

    /// <summary>Sets OpenBLAS's thread count; the single-thread rows pin it to 1.</summary>
    public static void SetThreads(int threads)
    {
        if (IsAvailable)
        {
            OpenBlasNative.SetNumThreads(threads);
        }
    }

    private static nint LoadAndRegister()
    {
        string? explicitPath = Environment.GetEnvironmentVariable(PathVariable);
        IEnumerable<string> names = string.IsNullOrEmpty(explicitPath) ? CandidateNames : [explicitPath, .. CandidateNames];
        foreach (string name in names)
        {
            if (NativeLibrary.TryLoad(name, out nint handle))
            {
                if (NativeLibrary.TryGetExport(handle, "cblas_sgemm", out _))
                {
                    LoadedName = name;
                    NativeLibrary.SetDllImportResolver(Assembly.GetExecutingAssembly(), (library, _, _) =>
                        library == OpenBlasNative.LibraryName ? handle : 0);
                    return handle;
                }

                NativeLibrary.Free(handle);
            }
        }

        return 0;
    }
}
