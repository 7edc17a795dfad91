using System.Numerics;
using DenseLinear.Accuracy;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Interop.Tests.Onnx;

/// <summary>
/// The comparison every oracle test makes: each implementation within the specification's bound of the exact
/// value (factor 1), hence within twice the bound of each other.
/// </summary>
public static class OracleChecks
{
    public static Property BothWithinBound<T>(ExactReference<T> reference, ReadOnlySpan<T> oracle, ReadOnlySpan<T> layer, string oracleName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        AccuracyViolation? oracleViolation = reference.FindViolation(oracle);
        AccuracyViolation? layerViolation = reference.FindViolation(layer);
        string? apart = null;
        for (int index = 0; index < oracle.Length && apart is null; index++)
        {
            double difference = Math.Abs(double.CreateChecked(oracle[index]) - double.CreateChecked(layer[index]));
            if (!(difference <= 2 * reference.Bound(index)))
            {
                apart = $"element {index}: {oracleName} {oracle[index]} vs layer {layer[index]}, |difference| {difference:R} > 2·bound {2 * reference.Bound(index):R}";
            }
        }

        return (oracleViolation is null).Label($"{oracleName} outside the bound: {oracleViolation}")
            .And((layerViolation is null).Label($"layer outside the bound: {layerViolation}"))
            .And((apart is null).Label(apart ?? string.Empty));
    }
}
