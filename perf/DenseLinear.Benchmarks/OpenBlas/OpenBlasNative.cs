using System.Runtime.InteropServices;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// The few CBLAS entry points the benchmarks call, with 32-bit integers (the LP64 interface Debian's
/// libopenblas0 exports). <see cref="OpenBlasLibrary"/> resolves <see cref="LibraryName"/> to a real file.
/// </summary>
internal static unsafe partial class OpenBlasNative
{
    public const string LibraryName = "openblas";

    public const int RowMajor = 101;
    public const int NoTrans = 111;
    public const int Trans = 112;

    [LibraryImport(LibraryName, EntryPoint = "cblas_sgemm")]
    public static partial void Sgemm(int order, int transA, int transB, int m, int n, int k, float alpha, float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    [LibraryImport(LibraryName, EntryPoint = "cblas_dgemm")]
    public static partial void Dgemm(int order, int transA, int transB, int m, int n, int k, double alpha, double* a, int lda, double* b, int ldb, double beta, double* c, int ldc);

    [LibraryImport(LibraryName, EntryPoint = "cblas_sgemv")]
    public static partial void Sgemv(int order, int trans, int m, int n, float alpha, float* a, int lda, float* x, int incX, float beta, float* y, int incY);

    [LibraryImport(LibraryName, EntryPoint = "cblas_dgemv")]
    public static partial void Dgemv(int order, int trans, int m, int n, double alpha, double* a, int lda, double* x, int incX, double beta, double* y, int incY);

    [LibraryImport(LibraryName, EntryPoint = "openblas_set_num_threads")]
    public static partial void SetNumThreads(int threads);

    [LibraryImport(LibraryName, EntryPoint = "openblas_get_config")]
    public static partial nint GetConfig();

    /// <summary>The kernel family OpenBLAS picked when it loaded (e.g. Haswell, Cooperlake): a static C string.</summary>
    [LibraryImport(LibraryName, EntryPoint = "openblas_get_corename")]
    public static partial nint GetCorename();
}
