using System.Numerics;
using System.Runtime.InteropServices;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// OpenBLAS under one of its common file names, and the few CBLAS entry points the rows call, with 32-bit integers
/// (the LP64 interface Debian's libopenblas0 exports). A machine without it skips the OpenBLAS rows instead of
/// failing with <see cref="DllNotFoundException"/>.
/// </summary>
internal static unsafe class OpenBlasLibrary
{
    /// <summary>An explicit library path, tried before the common names (e.g. a build outside the loader's path).</summary>
    public const string PathVariable = "DENSELINEAR_OPENBLAS";

    private const int RowMajor = 101, NoTrans = 111, Trans = 112;

    // Debian's libopenblas0-* packages ship libopenblas.so.0; a development package adds libopenblas.so.
    private static readonly string[] CandidateNames =
        ["libopenblas.so.0", "libopenblas.so", "openblas", "libopenblas.so.3", "libopenblas.dylib", "libopenblas.dll"];

    private static readonly Lazy<nint> Handle = new(Load);

    /// <summary>Whether a library exporting <c>cblas_sgemm</c> was found.</summary>
    public static bool IsAvailable => Handle.Value != 0;

    /// <summary>The file name that loaded, or null.</summary>
    public static string? LoadedName { get; private set; }

    /// <summary>
    /// The kernel family OpenBLAS chose at load (<c>openblas_get_corename</c>, e.g. Haswell), or null when the library
    /// is missing or does not export it. It is decided once per process, from the CPU and the <c>OPENBLAS_*</c> variables.
    /// </summary>
    public static string? CoreName =>
        IsAvailable && NativeLibrary.TryGetExport(Handle.Value, "openblas_get_corename", out nint corename)
            ? Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)corename)())?.Trim()
            : null;

    /// <summary>A one-line description for logs: the file and OpenBLAS's own build string.</summary>
    public static string Describe() =>
        IsAvailable
            ? $"{LoadedName} ({Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)Export("openblas_get_config"))())?.Trim()})"
            : $"not found (tried {string.Join(", ", CandidateNames)}); install it with: apt-get install -y libopenblas0-pthread";

    /// <summary>Sets OpenBLAS's thread count; the single-thread rows pin it to 1.</summary>
    public static void SetThreads(int threads)
    {
        if (IsAvailable)
        {
            ((delegate* unmanaged<int, void>)Export("openblas_set_num_threads"))(threads);
        }
    }

    /// <summary>
    /// y = x·W, row-major: W is op(B) with NoTrans for InOut ([k×n]) and Trans for OutIn ([n×k]). A single row (m = 1)
    /// goes to gemv, which is what a batch-1 layer calls in practice: y[n] = op(A)·x with A = W as stored, [n×k] for
    /// OutIn (NoTrans) and [k×n] for InOut (Trans).
    /// </summary>
    public static void Multiply<T>(MatMulData<T> data)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (MatMulShape s, bool outIn) = (data.Shape, data.Layout == WeightLayout.OutIn);
        fixed (T* x = data.X, w = data.W, y = data.Y)
        {
            if (s.M == 1)
            {
                (int trans, int rows, int columns) = outIn ? (NoTrans, s.N, s.K) : (Trans, s.K, s.N);
                Routines<T>.Gemv(RowMajor, trans, rows, columns, T.One, w, columns, x, 1, T.Zero, y, 1);
            }
            else
            {
                Routines<T>.Gemm(RowMajor, NoTrans, outIn ? Trans : NoTrans, s.M, s.N, s.K, T.One, x, s.K, w, outIn ? s.K : s.N, T.Zero, y, s.N);
            }
        }
    }

    private static nint Export(string name) => NativeLibrary.GetExport(Handle.Value, name);

    private static nint Load()
    {
        string? explicitPath = Environment.GetEnvironmentVariable(PathVariable);
        foreach (string name in string.IsNullOrEmpty(explicitPath) ? CandidateNames : [explicitPath, .. CandidateNames])
        {
            if (NativeLibrary.TryLoad(name, out nint handle) && NativeLibrary.TryGetExport(handle, "cblas_sgemm", out _))
            {
                LoadedName = name;
                return handle;
            }

            if (handle != 0)
            {
                NativeLibrary.Free(handle);
            }
        }

        return 0;
    }

    /// <summary>cblas_sgemm and cblas_sgemv for float, the d routines for double: looked up once, not on every timed call.</summary>
    private static class Routines<T>
        where T : unmanaged
    {
        public static readonly delegate* unmanaged<int, int, int, int, int, int, T, T*, int, T*, int, T, T*, int, void> Gemm =
            (delegate* unmanaged<int, int, int, int, int, int, T, T*, int, T*, int, T, T*, int, void>)Export(Prefix + "gemm");

        public static readonly delegate* unmanaged<int, int, int, int, T, T*, int, T*, int, T, T*, int, void> Gemv =
            (delegate* unmanaged<int, int, int, int, T, T*, int, T*, int, T, T*, int, void>)Export(Prefix + "gemv");

        private static string Prefix =>
            typeof(T) == typeof(float) ? "cblas_s"
            : typeof(T) == typeof(double) ? "cblas_d"
            : throw new NotSupportedException($"OpenBLAS has no routine for {typeof(T).Name}.");
    }
}
