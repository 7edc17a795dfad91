using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;
using DenseLinear.Kernels;
using DenseLinear.Layers;

namespace DenseLinear.Specification.Support;

/// <summary>
/// SHA-256 digests of a kernel's outputs on a fixed set of products: what makes "the same bits on every instruction
/// set" testable. Record them once (<see cref="RecordVariable"/>), commit the file, and run the tests again with
/// <c>DOTNET_EnableAVX512=0</c>, <c>DOTNET_EnableAVX2=0</c> or <c>DOTNET_EnableHWIntrinsic=0</c>: a kernel whose bits
/// depend on the vector width then fails.
/// </summary>
/// <remarks>
/// The file has one line per kernel, element type, layout and route: <c>Name type layout route sha256</c>; blank
/// lines and lines starting with <c>#</c> are ignored. The inputs are made by SplitMix64 from fixed seeds, so they are
/// the same on every machine and runtime.
/// </remarks>
public static class OutputDigests
{
    /// <summary>
    /// The environment variable that records instead of checking: set it to the digest file's path (the one in the
    /// source tree) and run the tests once; each specification rewrites its own lines there and passes.
    /// </summary>
    public const string RecordVariable = "DENSELINEAR_RECORD_DIGESTS";

    private static readonly Lock FileLock = new();

    /// <summary>
    /// The products digested, in order: m = 1 (the one-row path) and m across row-tile tails (6 and 12 rows) and the
    /// packed-x block (72 float rows, 36 double), n across panel tails (8, 16 and 32 columns) and the weight block
    /// (768 float columns, 384 double), k = 0, k across the packing block (64) and the cache block (1024), and
    /// products large enough for a parallel kernel to split by rows and by panels.
    /// </summary>
    public static IReadOnlyList<(int M, int K, int N)> Products { get; } =
    [
        (1, 1, 1), (1, 300, 200), (1, 1100, 130), (2, 0, 5), (5, 7, 3), (6, 17, 31), (7, 64, 33), (11, 65, 65),
        (12, 63, 64), (13, 9, 97), (17, 130, 16), (25, 1025, 40), (30, 2049, 17), (37, 100, 130), (73, 100, 130),
        (150, 300, 100), (5, 700, 800), (40, 200, 1000), (100, 1030, 70),
    ];

    /// <summary>Which vector widths the JIT accelerates in this process, for failure messages and logs.</summary>
    public static string InstructionSets =>
        string.Create(CultureInfo.InvariantCulture, $"Vector512.IsHardwareAccelerated={Vector512.IsHardwareAccelerated}, Vector256.IsHardwareAccelerated={Vector256.IsHardwareAccelerated}, Vector128.IsHardwareAccelerated={Vector128.IsHardwareAccelerated}");

    /// <summary>The key of a line: <c>Name type layout route</c>.</summary>
    public static string Key<T>(IMatMulKernel<T> kernel, WeightLayout layout, DigestRoute route)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return $"{kernel.Name} {typeof(T).Name} {layout} {route}";
    }

    /// <summary>
    /// The hexadecimal SHA-256 of every output of <see cref="Products"/>, in order, as raw little-endian bits; null
    /// for <see cref="DigestRoute.PackedWeights"/> when the kernel does not pack.
    /// </summary>
    public static string? Compute<T>(IMatMulKernel<T> kernel, WeightLayout layout, DigestRoute route)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (route == DigestRoute.PackedWeights && kernel is not IWeightPackingKernel<T>)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        ulong seed = 1;
        foreach ((int m, int k, int n) in Products)
        {
            T[] x = Values<T>(m * k, seed++);
            T[] w = Values<T>(k * n, seed++);
            T[] bias = Values<T>(n, seed++);
            T[] y = Product(kernel, layout, route, x, w, bias, m, k, n);
            hash.AppendData(MemoryMarshal.AsBytes(y.AsSpan()));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// <paramref name="count"/> values from SplitMix64 seeded with <paramref name="seed"/>: one in 16 zero, the rest
    /// ±(1 + f)·2^e with f a 52-bit fraction and e in [−4, 4], so that every rounding shows in the bits.
    /// </summary>
    public static T[] Values<T>(int count, ulong seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[count];
        ulong state = seed * 0x9E3779B97F4A7C15UL;
        for (int i = 0; i < count; i++)
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            if ((z & 15) == 0)
            {
                continue;
            }

            // A 52-bit fraction, rounded to nearest for float: products are inexact in either type, so a fused
            // multiply-add and a separate multiply and add give different bits.
            double magnitude = Math.ScaleB(1 + ((z >> 12) / 4503599627370496.0), (int)((z >> 5) % 9) - 4);
            values[i] = T.CreateChecked((z & 16) == 0 ? magnitude : -magnitude);
        }

        return values;
    }

    /// <summary>Reads a digest file into key → digest.</summary>
    /// <exception cref="SpecificationException">The file is missing, or a line is not <c>key sha256</c> or repeats a key.</exception>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpecificationException($"The digest file {path} does not exist; record it with {RecordVariable}=<its path in the source tree>.");
        }

        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path))
        {
            string text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            int split = text.LastIndexOf(' ');
            if (split <= 0 || !digests.TryAdd(text[..split], text[(split + 1)..]))
            {
                throw new SpecificationException($"The digest file {path} has a malformed or repeated line: '{line}'.");
            }
        }

        return digests;
    }

    /// <summary>Writes <paramref name="lines"/> into the file at <paramref name="path"/>, replacing lines with the same keys and keeping the rest sorted.</summary>
    public static void Record(string path, IEnumerable<KeyValuePair<string, string>> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        lock (FileLock)
        {
            var digests = File.Exists(path) ? new Dictionary<string, string>(Read(path), StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal);
            foreach ((string key, string digest) in lines)
            {
                digests[key] = digest;
            }

            var text = new StringBuilder();
            text.AppendLine("# SHA-256 of each kernel's outputs on OutputDigests.Products (DenseLinear.Specification): Name type layout route sha256.");
            text.AppendLine(CultureInfo.InvariantCulture, $"# Recorded with {RecordVariable}; checked by KernelSpecification<T>.OutputsMatchTheRecordedDigests on every instruction set.");
            foreach ((string key, string digest) in digests.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                text.Append(key).Append(' ').AppendLine(digest);
            }

            File.WriteAllText(path, text.ToString());
        }
    }

    private static T[] Product<T>(IMatMulKernel<T> kernel, WeightLayout layout, DigestRoute route, T[] x, T[] w, T[] bias, int m, int k, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = new T[m * n];
        switch (route)
        {
            case DigestRoute.Multiply:
                kernel.Multiply(x, w, y, m, k, n, layout);
                break;
            case DigestRoute.PackedWeights:
                var packing = (IWeightPackingKernel<T>)kernel;
                packing.Multiply(x, packing.Pack(w, k, n, layout), y, m);
                break;
            default:
                Tensor<T> input = Tensor.Create(x, [m, k]);
                Tensor<T> output = layout == WeightLayout.OutIn
                    ? new LinearLayer<T>(Tensor.Create(w, [n, k]), Tensor.Create(bias, [n]), kernel).Forward(input)
                    : new DenseLayer<T>(Tensor.Create(w, [k, n]), Tensor.Create(bias, [n]), Activation.Linear, kernel).Forward(input);
                output.FlattenTo(y);
                break;
        }

        return y;
    }
}
