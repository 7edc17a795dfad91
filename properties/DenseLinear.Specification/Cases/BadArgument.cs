namespace DenseLinear.Specification.Cases;

/// <summary>One way of calling a kernel wrongly.</summary>
public enum BadArgument
{
    /// <summary>x has one element fewer than m·k.</summary>
    XTooShort,

    /// <summary>x has one element more than m·k.</summary>
    XTooLong,

    /// <summary>W has one element fewer than k·n.</summary>
    WeightTooShort,

    /// <summary>y has one element fewer than m·n.</summary>
    OutputTooShort,

    /// <summary>m is negative.</summary>
    NegativeRows,

    /// <summary>k is negative.</summary>
    NegativeInner,

    /// <summary>n is negative.</summary>
    NegativeColumns,

    /// <summary>m·k does not fit in an int.</summary>
    OverflowingProduct,

    /// <summary>The layout is not a defined <see cref="WeightLayout"/>.</summary>
    UndefinedLayout,

    /// <summary>y is the same memory as x.</summary>
    OutputOverlapsInput,
}
