using System.Numerics;
using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification.Cases;

/// <summary>
/// The edge classes of a generated product: an empty sum, an empty output, tails of 256- and 512-bit vectors in n and
/// in k, more rows than a 12-row register tile, more columns than two 512-bit vectors (a second panel), and subnormal
/// operands. The kernel properties label their cases with them (FsCheck's Classify), so a run shows each class's share,
/// and a generator test shows that the quick profile reaches every one.
/// </summary>
public static class EdgeClasses
{
    /// <summary>k = 0: every output is an empty sum.</summary>
    public const string EmptySum = "k = 0";

    /// <summary>m = 0 or n = 0: nothing to write.</summary>
    public const string EmptyOutput = "m = 0 or n = 0";

    /// <summary>More rows than a 12-row register tile.</summary>
    public const string PastRowTile = "m > 12";

    /// <summary>More columns than two 512-bit vectors hold: a second weight panel.</summary>
    public const string PastPanel = "n past two 512-bit vectors";

    /// <summary>A subnormal value in x or W.</summary>
    public const string Subnormal = "subnormal operand";

    /// <summary>n not a multiple of the lanes of a vector of <paramref name="bits"/> bits.</summary>
    public static string ColumnTail(int bits) => $"n tail of a {bits}-bit vector";

    /// <summary>k not a multiple of the lanes of a vector of <paramref name="bits"/> bits.</summary>
    public static string DepthTail(int bits) => $"k tail of a {bits}-bit vector";

    /// <summary>Every class, in the order a run prints them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [EmptySum, EmptyOutput, ColumnTail(256), ColumnTail(512), DepthTail(256), DepthTail(512), PastRowTile, PastPanel, Subnormal];

    /// <summary>The classes <paramref name="c"/> falls in.</summary>
    public static IReadOnlyList<string> Of<T>(MatMulCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(c);
        int lanes256 = 32 / Unsafe.SizeOf<T>(), lanes512 = 64 / Unsafe.SizeOf<T>();
        var classes = new List<string>();
        Add(classes, c.K == 0, EmptySum);
        Add(classes, c.M == 0 || c.N == 0, EmptyOutput);
        Add(classes, c.N % lanes256 != 0, ColumnTail(256));
        Add(classes, c.N % lanes512 != 0, ColumnTail(512));
        Add(classes, c.K % lanes256 != 0, DepthTail(256));
        Add(classes, c.K % lanes512 != 0, DepthTail(512));
        Add(classes, c.M > 12, PastRowTile);
        Add(classes, c.N > 2 * lanes512, PastPanel);
        Add(classes, c.X.Any(T.IsSubnormal) || c.KernelInOut.Any(T.IsSubnormal), Subnormal);
        return classes;
    }

    /// <summary><paramref name="property"/> labelled with every class of <paramref name="c"/>.</summary>
    public static Property Classified<T>(Property property, MatMulCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        IReadOnlyList<string> classes = Of(c);
        foreach (string name in All)
        {
            property = property.Classify(classes.Contains(name), name);
        }

        return property;
    }

    private static void Add(List<string> classes, bool holds, string name)
    {
        if (holds)
        {
            classes.Add(name);
        }
    }
}
