using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// OpenBLAS under one of its common file names, and the few CBLAS entry points the rows call, with 32-bit integers
/// (the LP64 interface Debian's libopenblas0 exports). A machine without it skips the OpenBLAS rows instead of
/// failing with <see cref="DllNotFoundException"/>.
/// </summary>
internal static unsafe partial class OpenBlasLibrary
{
    /// <summary>An explicit library path, tried before the common names (e.g. a build outside the loader's path).</summary>
    public const string PathVariable = "DENSELINEAR_OPENBLAS";

    private const string Name = "openblas";
    private const int RowMajor = 101, NoTrans = 111, Trans = 112;

    // Debian's libopenblas0-* packages ship libopenblas.so.0; a development package adds libopenblas.so.
    private static readonly string[] CandidateNames =
        ["libopenblas.so.0", "libopenblas.so", "openblas", "libopenblas.so.3", "libopenblas.dylib", "libopenblas.dll"];

    private static readonly Lazy<nint> Handle = new(LoadAndRegister);

    /// <summary>Whether a library exporting <c>cblas_sgemm</c> was found.</summary>
    public static bool IsAvailable => Handle.Value != 0;

    /// <summary>The file name that loaded, or null.</summary>
    public static string? LoadedName { get; private set; }

    /// <summary>
    /// The kernel family OpenBLAS chose at load (<c>openblas_get_corename</c>), or null when the library is missing
    /// or does not export it. It is decided once per process, from the CPU and the <c>OPENBLAS_*</c> variables.
    /// </summary>
    public static string? CoreName =>
        IsAvailable && NativeLibrary.TryGetExport(Handle.Value, "openblas_get_corename", out _)
            ? Marshal.PtrToStringUTF8(GetCorename())?.Trim()
            : null;

    /// <summary>A one-line description for logs: the file and OpenBLAS's own build string.</summary>
    public static string Describe() =>
        IsAvailable
            ? $"{LoadedName} ({Marshal.PtrToStringUTF8(GetConfig())?.Trim()})"
            : $"not found (tried {string.Join(", ", CandidateNames)}); install it with: apt-get install -y libopenblas0-pthread";

    /// <summary>Sets OpenBLAS's thread count; the single-thread rows pin it to 1.</summary>
    public static void SetThreads(int threads)
    {
        if (IsAvailable)
        {
            SetNumThreads(threads);
        }
    }

    /// <summary>
    /// y = x·W, row-major: W is op(B) with NoTrans for InOut ([k×n]) and Trans for OutIn ([n×k]). A single row (m = 1)
    /// goes to gemv, which is what a batch-1 layer calls in practice.
    /// </summary>
    public static void Multiply<T>(MatMulData<T> data)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (MatMulShape s, bool outIn, bool single) = (data.Shape, data.Layout == WeightLayout.OutIn, typeof(T) == typeof(float));
        if (!single && typeof(T) != typeof(double))
        {
            throw new NotSupportedException($"OpenBLAS has no routine for {typeof(T).Name}.");
        }

        // gemv: y[n] = op(A)·x with A = W as stored, [n×k] for OutIn (NoTrans) and [k×n] for InOut (Trans).
        (int trans, int rows, int columns) = outIn ? (NoTrans, s.N, s.K) : (Trans, s.K, s.N);
        (int transB, int ldb) = outIn ? (Trans, s.K) : (NoTrans, s.N);
        fixed (T* x = data.X, w = data.W, y = data.Y)
        {
            if (s.M == 1 && single)
            {
                Sgemv(RowMajor, trans, rows, columns, 1f, (float*)w, columns, (float*)x, 1, 0f, (float*)y, 1);
            }
            else if (s.M == 1)
            {
                Dgemv(RowMajor, trans, rows, columns, 1.0, (double*)w, columns, (double*)x, 1, 0.0, (double*)y, 1);
            }
            else if (single)
            {
                Sgemm(RowMajor, NoTrans, transB, s.M, s.N, s.K, 1f, (float*)x, s.K, (float*)w, ldb, 0f, (float*)y, s.N);
            }
            else
            {
                Dgemm(RowMajor, NoTrans, transB, s.M, s.N, s.K, 1.0, (double*)x, s.K, (double*)w, ldb, 0.0, (double*)y, s.N);
            }
        }
    }

    private static nint LoadAndRegister()
    {
        string? explicitPath = Environment.GetEnvironmentVariable(PathVariable);
        foreach (string name in string.IsNullOrEmpty(explicitPath) ? CandidateNames : [explicitPath, .. CandidateNames])
        {
            if (NativeLibrary.TryLoad(name, out nint handle) && NativeLibrary.TryGetExport(handle, "cblas_sgemm", out _))
            {
                LoadedName = name;
                NativeLibrary.SetDllImportResolver(Assembly.GetExecutingAssembly(), (library, _, _) => library == Name ? handle : 0);
                return handle;
            }

            if (handle != 0)
            {
                NativeLibrary.Free(handle);
            }
        }

        return 0;
    }

    [LibraryImport(Name, EntryPoint = "cblas_sgemm")]
    private static partial void Sgemm(
        int order, int transA, int transB, int m, int n, int k, float alpha, float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    [LibraryImport(Name, EntryPoint = "cblas_dgemm")]
    private static partial void Dgemm(
        int order, int transA, int transB, int m, int n, int k, double alpha, double* a, int lda, double* b, int ldb, double beta, double* c,
        int ldc);

    [LibraryImport(Name, EntryPoint = "cblas_sgemv")]
    private static partial void Sgemv(
        int order, int trans, int m, int n, float alpha, float* a, int lda, float* x, int incX, float beta, float* y, int incY);

    [LibraryImport(Name, EntryPoint = "cblas_dgemv")]
    private static partial void Dgemv(
        int order, int trans, int m, int n, double alpha, double* a, int lda, double* x, int incX, double beta, double* y, int incY);

    [LibraryImport(Name, EntryPoint = "openblas_set_num_threads")]
    private static partial void SetNumThreads(int threads);

    [LibraryImport(Name, EntryPoint = "openblas_get_config")]
    private static partial nint GetConfig();

    /// <summary>The kernel family OpenBLAS picked when it loaded (e.g. Haswell, Cooperlake): a static C string.</summary>
    [LibraryImport(Name, EntryPoint = "openblas_get_corename")]
    private static partial nint GetCorename();
}
