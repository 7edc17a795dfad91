using System.Numerics;
using System.Runtime.InteropServices;
using DenseLinear.Accuracy;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification.Support;

/// <summary>
/// The two kinds of verdict, as FsCheck properties whose label says everything needed to reproduce a failure:
/// property, kernel, shapes, index, expected, actual and bound (FsCheck adds the seed).
/// </summary>
public static class Verdicts
{
    /// <summary>Every element of <paramref name="actual"/> within <paramref name="factor"/> × the bound of the reference.</summary>
    public static Property WithinBound<T>(string property, string subject, string shapes, ExactReference<T> reference, ReadOnlySpan<T> actual, double factor = 1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        AccuracyViolation? violation = reference.FindViolation(actual, factor);
        return violation is null
            ? Prop.ToProperty(true)
            : Prop.Label(false, $"{property} | {subject} | {shapes} | {violation}");
    }

    /// <summary>Bitwise equality (+0 = −0) of two results of shape [rows×columns].</summary>
    public static Property Identical<T>(string property, string subject, string shapes, ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, int columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int index = Matrices.FirstDifference(expected, actual);
        if (index < 0)
        {
            return Prop.ToProperty(true);
        }

        string detail = index >= Math.Min(expected.Length, actual.Length)
            ? $"expected {expected.Length} elements, actual {actual.Length}"
            : $"y[{index / Math.Max(columns, 1)},{index % Math.Max(columns, 1)}]: expected {Matrices.Format(expected[index])}, actual {Matrices.Format(actual[index])}, bound 0 (bitwise)";
        return Prop.Label(false, $"{property} | {subject} | {shapes} | {detail}");
    }

    /// <summary>
    /// <paramref name="call"/> must throw an <see cref="ArgumentException"/> whose message contains
    /// <paramref name="named"/> (unless null) and leave <paramref name="output"/>, filled with canaries first,
    /// bit-for-bit as it was. Any other exception, or none, fails with <paramref name="property"/>'s label.
    /// </summary>
    public static Property RejectsAndWritesNothing<T>(string property, string subject, string shapes, string? named, Action call, T[] output, int columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(output);
        MemoryMarshal.AsBytes(output.AsSpan()).Fill(KernelHarness.CanaryByte);
        T[] before = (T[])output.Clone();
        try
        {
            call();
            return Fail(property, subject, shapes, "no exception was thrown");
        }
        catch (ArgumentException e)
        {
            return named is not null && !e.Message.Contains(named, StringComparison.Ordinal)
                ? Fail(property, subject, shapes, $"the message does not name {named}: {e.Message}")
                : Identical(property + " (y untouched)", subject, shapes, before, output, Math.Max(columns, 1));
        }
        catch (Exception e)
        {
            return Fail(property, subject, shapes, $"threw {e.GetType().Name} instead of an ArgumentException: {e.Message}");
        }
    }

    /// <summary>A failed check that is not about one element.</summary>
    public static Property Fail(string property, string subject, string shapes, string detail) =>
        Prop.Label(false, $"{property} | {subject} | {shapes} | {detail}");

    /// <summary>All of <paramref name="properties"/>.</summary>
    public static Property All(params Property[] properties) =>
        properties.Aggregate(Prop.ToProperty(true), Prop.And);
}
