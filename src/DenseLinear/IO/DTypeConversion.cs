namespace DenseLinear.IO;

/// <summary>
/// Converts stored values between the <see cref="TensorDType"/>s, element by element, with one rule each: the 16-bit
/// types widen exactly to float; float narrows to bfloat16 as <see cref="BFloat16"/> does (as <c>c10::BFloat16</c>)
/// and to binary16 by IEEE round to nearest even (<see cref="System.Half"/>'s conversion); double goes through float
/// first, as PyTorch's <c>.to()</c> does.
/// </summary>
internal static class DTypeConversion
{
    /// <summary>
    /// <paramref name="values"/> (a float[], double[], BFloat16[] or Half[]) as float: exact from the 16-bit types,
    /// rounded to nearest even from double; a float[] is returned as is.
    /// </summary>
    public static float[] ToSingle(Array values) => values switch
    {
        float[] floats => floats,
        double[] doubles => Array.ConvertAll(doubles, value => (float)value),
        BFloat16[] bfloats => Array.ConvertAll(bfloats, value => (float)value),
        _ => Array.ConvertAll((Half[])values, value => (float)value),
    };

    /// <summary><paramref name="values"/> as double, exactly (the 16-bit types through float, which holds them).</summary>
    public static double[] ToDouble(Array values) => values is double[] doubles
        ? doubles
        : Array.ConvertAll(ToSingle(values), value => (double)value);

    /// <summary>The values of <paramref name="values"/> in <paramref name="dtype"/>, by the rules above.</summary>
    public static Array Convert(Array values, TensorDType dtype) => dtype switch
    {
        TensorDType.Float32 => ToSingle(values),
        TensorDType.Float64 => ToDouble(values),
        TensorDType.BFloat16 => Array.ConvertAll(ToSingle(values), value => (BFloat16)value),
        _ => Array.ConvertAll(ToSingle(values), value => (Half)value),
    };
}
