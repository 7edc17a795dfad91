using System.Numerics;

namespace DenseLinear.Benchmarks.Suites;

/// <summary>Fixed-seed operands for one shape and layout, so every row multiplies the same numbers.</summary>
public sealed class MatMulData<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Seed = 20261129;

    public MatMulData(MatMulShape shape, WeightLayout layout)
    {
        Shape = shape;
        Layout = layout;
        var random = new Random(Seed);
        X = Fill(random, shape.M * shape.K);
        W = Fill(random, shape.K * shape.N);
        Y = new T[shape.M * shape.N];
    }

    public MatMulShape Shape { get; }

    public WeightLayout Layout { get; }

    /// <summary>x, [m×k].</summary>
    public T[] X { get; }

    /// <summary>W, [k×n] for InOut and [n×k] for OutIn.</summary>
    public T[] W { get; }

    /// <summary>y, [m×n], overwritten by every call.</summary>
    public T[] Y { get; }

    private static T[] Fill(Random random, int length)
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = T.CreateTruncating((random.NextDouble() * 2.0) - 1.0);
        }

        return values;
    }
}
