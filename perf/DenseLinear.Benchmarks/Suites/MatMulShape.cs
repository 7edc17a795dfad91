using System.Globalization;

namespace DenseLinear.Benchmarks.Suites;

/// <summary>One product y[m×n] = x[m×k] · W; printed as <c>MxKxN</c> so reports can be parsed back.</summary>
public readonly record struct MatMulShape(int M, int K, int N)
{
    /// <summary>The work of the naive kernel at 512³; bigger products would take seconds per call.</summary>
    public const long NaiveWorkLimit = 512L * 512 * 512;

    public long MultiplyAdds => (long)M * K * N;

    public double Flops => 2.0 * MultiplyAdds;

    public bool IsSquare => M == K && K == N;

    public static MatMulShape Square(int size) => new(size, size, size);

    public static bool TryParse(string text, out MatMulShape shape)
    {
        shape = default;
        string[] parts = text.Split('x');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            return false;
        }

        shape = new MatMulShape(m, k, n);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{M}x{K}x{N}");
}
