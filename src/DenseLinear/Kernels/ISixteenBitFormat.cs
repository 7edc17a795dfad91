using System.Runtime.Intrinsics;

namespace DenseLinear.Kernels;

/// <summary>
/// How a 16-bit weight's bits widen to float, as a type the loops are instantiated on, so each loop is compiled for
/// one format with no test inside it. A packed panel row keeps columns l and 16 + l in the low and high halves of the
/// 32-bit lane l (<see cref="ScalarWidening.Position"/>).
/// </summary>
internal interface ISixteenBitFormat
{
    /// <summary>
    /// Whether widening is a single operation per vector (bfloat16), so a tile widens as it loads and repeats that for
    /// every tile of rows; otherwise (float16) a slice is widened once into float scratch that all tiles of rows read.
    /// </summary>
    static abstract bool WidensInOneOperation { get; }

    /// <summary>One weight's value, exactly.</summary>
    static abstract float ToSingle(ushort bits);

    /// <summary>The values in the low halves of 16 lanes: columns 0..15 of a panel row.</summary>
    static abstract Vector512<float> Lower(Vector512<uint> lanes);

    /// <summary>The values in the high halves of 16 lanes: columns 16..31 of a panel row.</summary>
    static abstract Vector512<float> Upper(Vector512<uint> lanes);
}
