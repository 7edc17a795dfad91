using System.Collections.Concurrent;
using System.Numerics;
using DenseLinear.Accuracy;

namespace DenseLinear.Specification.Cases;

/// <summary>
/// One product of family 12: x [m×k] and K [k×n] from a fixed seed, and two Freivalds checks with random vectors.
/// Made once per element type and shape in a test run and shared by every suite, since the inputs and the checks
/// cost O(k·n) each and do not depend on the kernel.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class FreivaldsCase<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly ConcurrentDictionary<(int, int, int), Lazy<FreivaldsCase<T>>> Made = new();

    private FreivaldsCase(int m, int k, int n)
    {
        Seed = (m * 31) + (k * 17) + n;
        var random = new Random(Seed);
        X = Generators.SweepValues<T>(random, m * k);
        KernelInOut = Generators.SweepValues<T>(random, k * n);
        Checks =
        [
            .. Enumerable.Range(0, 2).Select(_ =>
                FreivaldsReference<T>.Create(X, KernelInOut, m, k, n, WeightLayout.InOut, [.. Enumerable.Range(0, n).Select(_ => (2 * random.NextDouble()) - 1)])),
        ];
    }

    /// <summary>The seed of <see cref="Random"/> that made the inputs and the vectors, for the failure message.</summary>
    public int Seed { get; }

    /// <summary>x [m×k].</summary>
    public T[] X { get; }

    /// <summary>The weight as K [k×n]; <see cref="MatMulCase{T}.Weight"/> gives it in either layout.</summary>
    public T[] KernelInOut { get; }

    /// <summary>The checks, one per random vector r.</summary>
    public IReadOnlyList<FreivaldsReference<T>> Checks { get; }

    /// <summary>The case for (m, k, n), made on first use.</summary>
    public static FreivaldsCase<T> For(int m, int k, int n) =>
        Made.GetOrAdd((m, k, n), key => new Lazy<FreivaldsCase<T>>(() => new FreivaldsCase<T>(key.Item1, key.Item2, key.Item3))).Value;
}
