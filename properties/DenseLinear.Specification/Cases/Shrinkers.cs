using System.Numerics;
using DenseLinear.Specification.Support;

namespace DenseLinear.Specification.Cases;

/// <summary>
/// Shrinkers for the generated cases: dimensions first (halve, then drop the last index), then values toward
/// small integers. A failing case thus ends on the smallest shape that still fails, with readable values.
/// </summary>
public static partial class Shrinkers
{
    /// <summary>Smaller or simpler products: sub-blocks of x and K, then rounded values.</summary>
    public static IEnumerable<MatMulCase<T>> MatMulCase<T>(MatMulCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach ((int m, int k, int n) in SmallerShapes(c.M, c.K, c.N))
        {
            yield return c with
            {
                M = m,
                K = k,
                N = n,
                X = Block(c.X, c.K, m, k),
                KernelInOut = Block(c.KernelInOut, c.N, k, n),
            };
        }

        if (Simplify(c.X) is { } x)
        {
            yield return c with { X = x };
        }

        if (Simplify(c.KernelInOut) is { } kernel)
        {
            yield return c with { KernelInOut = kernel };
        }
    }

    /// <summary>Shrinks the product, keeping the second input's shape in step.</summary>
    public static IEnumerable<LinearityCase<T>> LinearityCase<T>(LinearityCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (MatMulCase<T> smaller in MatMulCase(c.Case))
        {
            T[] x2 = smaller.M == c.Case.M && smaller.K == c.Case.K ? c.X2 : Block(c.X2, c.Case.K, smaller.M, smaller.K);
            yield return c with { Case = smaller, X2 = x2 };
        }
    }

    /// <summary>Shrinks the finite product, then drops injections.</summary>
    public static IEnumerable<SpecialValuesCase<T>> SpecialValuesCase<T>(SpecialValuesCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (MatMulCase<T> smaller in MatMulCase(c.Finite).Where(s => s.X.Length + s.KernelInOut.Length > 0))
        {
            yield return c with { Finite = smaller };
        }

        for (int i = 0; c.Injections.Length > 1 && i < c.Injections.Length; i++)
        {
            yield return c with { Injections = [.. c.Injections.Where((_, j) => j != i)] };
        }
    }

    /// <summary>Smaller layers: fewer features, fewer or smaller leading dimensions, no bias, simpler values.</summary>
    public static IEnumerable<LayerCase<T>> LayerCase<T>(LayerCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int outFeatures in Smaller(c.OutFeatures))
        {
            yield return Resize(c, outFeatures, c.InFeatures, c.Leading);
        }

        foreach (int inFeatures in Smaller(c.InFeatures))
        {
            yield return Resize(c, c.OutFeatures, inFeatures, c.Leading);
        }

        if (c.Leading.Length == 1)
        {
            foreach (int rows in Smaller(c.Leading[0]))
            {
                yield return Resize(c, c.OutFeatures, c.InFeatures, [rows]);
            }
        }
        else
        {
            // Merge the first two leading dimensions: the same rows, one rank fewer.
            yield return c with { Leading = [c.Leading[0] * c.Leading[1], .. c.Leading[2..]] };
        }

        if (c.Bias is not null)
        {
            yield return c with { Bias = null };
        }

        if (Simplify(c.WeightOutIn) is { } weight)
        {
            yield return c with { WeightOutIn = weight };
        }

        if (Simplify(c.Input) is { } input)
        {
            yield return c with { Input = input };
        }
    }

    /// <summary>The top-left [rows×columns] block of a row-major matrix with <paramref name="stride"/> columns.</summary>
    public static T[] Block<T>(T[] matrix, int stride, int rows, int columns)
    {
        var block = new T[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            Array.Copy(matrix, i * stride, block, i * columns, columns);
        }

        return block;
    }

    // Keeps the top-left blocks: the first rows of the input, the first features of weight and bias.
    private static LayerCase<T> Resize<T>(LayerCase<T> c, int outFeatures, int inFeatures, int[] leading)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = leading.Aggregate(1, (a, b) => a * b);
        return c with
        {
            OutFeatures = outFeatures,
            InFeatures = inFeatures,
            WeightOutIn = Block(c.WeightOutIn, c.InFeatures, outFeatures, inFeatures),
            Bias = c.Bias?[..outFeatures],
            Leading = leading,
            Input = Block(c.Input, c.InFeatures, rows, inFeatures),
        };
    }

    private static IEnumerable<(int A, int B, int C)> SmallerShapes(int a, int b, int c)
    {
        foreach (int smaller in Smaller(a))
        {
            yield return (smaller, b, c);
        }

        foreach (int smaller in Smaller(b))
        {
            yield return (a, smaller, c);
        }

        foreach (int smaller in Smaller(c))
        {
            yield return (a, b, smaller);
        }
    }

    private static IEnumerable<int> Smaller(int value)
    {
        if (value > 1)
        {
            yield return value / 2;
        }

        if (value > 0)
        {
            yield return value - 1;
        }
    }

    // Rounds every value to a small integer in [-8, 8]; null when nothing would change (so shrinking ends).
    private static T[]? Simplify<T>(T[] values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var simpler = new T[values.Length];
        bool changed = false;
        for (int i = 0; i < values.Length; i++)
        {
            T value = values[i];
            simpler[i] = T.IsFinite(value) ? T.Clamp(T.Round(value), T.CreateChecked(-8), T.CreateChecked(8)) : value;
            changed |= !Matrices.BitEqual(simpler[i], value);
        }

        return changed ? simpler : null;
    }
}
