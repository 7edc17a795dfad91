using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Properties.Limits;

/// <summary>
/// Shapes that are mostly wrong: ranks 0 to 4, lengths from 0 to 3 and from the sizes around the array limit
/// (46341² just passes it; 2³² and 2⁴⁰ pass int), layers whose lengths are sometimes the input's and sometimes not.
/// Exactly Array.MaxLength is left to <see cref="AtArrayLimitTests"/>: here a shape either fits easily or not at all.
/// </summary>
internal static class MalformedShapes
{
    private static readonly nint[] Large = [46341, 65536, Broadcast.PastMaxLength, int.MaxValue, nint.CreateChecked(1L << 32), nint.CreateChecked(1L << 40)];

    public static Gen<nint> Length { get; } =
        Gen.Frequency((8, Gen.Choose(0, 3).Select(length => (nint)length)), (2, Gen.Elements(Large)));

    public static Gen<nint[]> Lengths(int minimumRank, int maximumRank) =>
        from rank in Gen.Choose(minimumRank, maximumRank)
        from lengths in Gen.ArrayOf(Length, rank)
        select lengths;

    /// <summary>A tensor of <paramref name="lengths"/>: only shapes System.Numerics.Tensors can represent, whose nonzero lengths multiply to below 2⁶³.</summary>
    public static Gen<GeneratedTensor> Tensor(Gen<nint[]> lengths) =>
        from shape in lengths.Where(CanExist)
        from storage in Gen.Elements(Enum.GetValues<TensorStorage>())
        select new GeneratedTensor(shape, storage);

    /// <summary>A tensor whose lengths are <paramref name="near"/> (4 in 10), <paramref name="near"/> with one length changed (3 in 10), or any.</summary>
    public static Gen<GeneratedTensor> TensorNear(nint[] near) =>
        Tensor(Gen.Frequency(
            (4, Gen.Constant(near)),
            (3, near.Length == 0
                ? Lengths(0, 4)
                : from axis in Gen.Choose(0, near.Length - 1)
                  from length in Length
                  select near.Select((l, i) => i == axis ? length : l).ToArray()),
            (3, Lengths(0, 4))));

    // System.Numerics.Tensors multiplies the lengths for strides, zeros aside, and overflows past 2⁶³.
    private static bool CanExist(nint[] lengths) => ShapeContract.Count(lengths.Where(length => length != 0)) <= long.MaxValue;

    /// <summary>Shorter shapes first, then each length replaced by a smaller one.</summary>
    public static IEnumerable<GeneratedTensor> Shrink(GeneratedTensor tensor)
    {
        nint[] lengths = tensor.Lengths;
        for (int axis = 0; axis < lengths.Length; axis++)
        {
            yield return new GeneratedTensor([.. lengths[..axis], .. lengths[(axis + 1)..]], tensor.Storage);
        }

        for (int axis = 0; axis < lengths.Length; axis++)
        {
            foreach (nint smaller in new nint[] { 0, 1, 2, 46341 }.Where(s => s < lengths[axis]))
            {
                nint[] shrunk = (nint[])lengths.Clone();
                shrunk[axis] = smaller;
                yield return new GeneratedTensor(shrunk, tensor.Storage);
            }
        }

        if (tensor.Storage != TensorStorage.Broadcast)
        {
            yield return new GeneratedTensor(lengths, TensorStorage.Broadcast);
        }
    }
}
