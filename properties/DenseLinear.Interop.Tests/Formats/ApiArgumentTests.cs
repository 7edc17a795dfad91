using System.Numerics.Tensors;
using DenseLinear.IO;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>
/// The public IO surface refuses missing arguments with <see cref="ArgumentNullException"/> and inconsistent ones with
/// messages that say what is wrong, before anything is read or written.
/// </summary>
public sealed class ApiArgumentTests
{
    private static readonly StoredTensor Matrix = StoredTensor.Create<float>([1, 2, 3, 4, 5, 6], 2, 3);

    [Fact]
    public void Missing_arguments_are_rejected()
    {
        var content = new SafetensorsContent([new("w", Matrix)]);
        var linear = new LinearLayer<float>(Tensor.Create(new float[] { 1, 2 }, [1, 2]));
        Assert.Throws<ArgumentNullException>(() => LayerWeightFiles.ReadLinear<float>(null!, "fc"));
        Assert.Throws<ArgumentNullException>(() => LayerWeightFiles.ReadLinear<float>(content, null!));
        Assert.Throws<ArgumentNullException>(() => LayerWeightFiles.ToStateDict<float>(null!, "fc"));
        Assert.Throws<ArgumentNullException>(() => LayerWeightFiles.ToStateDict(linear, null!));
        Assert.Throws<ArgumentNullException>(() => LayerWeightFiles.ReadDense<float>(null!, null));
        Assert.Throws<ArgumentNullException>(() => LayerWeightFiles.SaveDense<float>(null!, "k.npy", null));
        Assert.Throws<ArgumentNullException>(() => NpyFile.ToBytes(null!));
        Assert.Throws<ArgumentNullException>(() => NpyFile.Write(null!, Matrix));
        Assert.Throws<ArgumentNullException>(() => NpyFile.Read((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => SafetensorsFile.ToBytes(null!));
        Assert.Throws<ArgumentNullException>(() => SafetensorsFile.Write(null!, content));
        Assert.Throws<ArgumentNullException>(() => SafetensorsFile.Read((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => new SafetensorsContent(null!));
        Assert.Throws<ArgumentNullException>(() => new SafetensorsContent([new("w", null!)]));
        Assert.Throws<ArgumentNullException>(() => Matrix.BitwiseEquals(null!));
    }

    [Fact]
    public void SaveDense_says_which_bias_path_is_wrong()
    {
        var withBias = new DenseLayer<float>(Tensor.Create(new float[] { 1, 2 }, [1, 2]), Tensor.Create(new float[] { 3, 4 }, [2]));
        var withoutBias = new DenseLayer<float>(Tensor.Create(new float[] { 1, 2 }, [1, 2]));
        ArgumentException missing = Assert.Throws<ArgumentException>(() => LayerWeightFiles.SaveDense(withBias, "k.npy", null));
        Assert.Contains("has a bias; give a path", missing.Message, StringComparison.Ordinal);
        ArgumentException extra = Assert.Throws<ArgumentException>(() => LayerWeightFiles.SaveDense(withoutBias, "k.npy", "b.npy"));
        Assert.Contains("has no bias to write", extra.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dtype_mismatch_names_both_stored_types_and_the_needed_one()
    {
        StoredTensor doubles = StoredTensor.Create<double>([1, 2], 1, 2);
        StoredTensor doubleBias = StoredTensor.Create<double>([1, 2], 2);
        InvalidDataException noBias = Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadDense<float>(doubles, null));
        Assert.Equal("'kernel' is stored as Float64; a Single layer needs Float32, BFloat16 or Float16.", noBias.Message);
        InvalidDataException withBias = Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadDense<float>(doubles, doubleBias));
        Assert.Equal("'kernel' is stored as Float64 with a Float64 bias; a Single layer needs Float32, BFloat16 or Float16.", withBias.Message);
    }

    [Fact]
    public void Stored_tensors_check_their_shape_and_print_it()
    {
        Assert.Equal("Float32 [2, 3]", Matrix.ToString());
        Assert.Equal("Float64 []", StoredTensor.Create<double>([7]).ToString());
        ArgumentException negative = Assert.Throws<ArgumentException>(() => StoredTensor.Create<float>([], 2, -1));
        Assert.Contains("Dimension -1 of shape [2, -1] is negative", negative.Message, StringComparison.Ordinal);
        ArgumentException count = Assert.Throws<ArgumentException>(() => StoredTensor.Create<float>([1, 2, 3], 2, 2));
        Assert.Contains("Shape [2, 2] needs 4 values, got 3", count.Message, StringComparison.Ordinal);
        ArgumentException huge = Assert.Throws<ArgumentException>(() => StoredTensor.Create<float>([], 1L << 32, 1L << 32));
        Assert.Contains("more elements than an array holds", huge.Message, StringComparison.Ordinal);
        InvalidOperationException wrongType = Assert.Throws<InvalidOperationException>(() => Matrix.GetValues<double>().ToArray());
        Assert.Contains("holds Float32, not Double", wrongType.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Element_counts_up_to_long_MaxValue_are_counted_and_larger_ones_rejected()
    {
        // 3 × (2⁶³ − 1) / 3 = 2⁶³ − 2 elements fit a 64-bit count: the shape is refused for its missing values.
        ArgumentException largest = Assert.Throws<ArgumentException>(() => StoredTensor.Create<float>([], 3, long.MaxValue / 3));
        Assert.Equal("values", largest.ParamName);
        Assert.Contains($"Shape [3, {long.MaxValue / 3}] needs {long.MaxValue - 1} values, got 0", largest.Message, StringComparison.Ordinal);
        ArgumentException whole = Assert.Throws<ArgumentException>(() => StoredTensor.Create<double>([], 1, long.MaxValue));
        Assert.Contains($"needs {long.MaxValue} values", whole.Message, StringComparison.Ordinal);

        ArgumentException past = Assert.Throws<ArgumentException>(() => StoredTensor.Create<float>([], 3, (long.MaxValue / 3) + 1));
        Assert.Equal("shape", past.ParamName);
        Assert.Contains($"Shape [3, {(long.MaxValue / 3) + 1}] has more elements than an array holds", past.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Safetensors_content_refuses_a_repeated_or_reserved_tensor_name()
    {
        StoredTensor other = StoredTensor.Create<float>([7], 1);
        ArgumentException repeated = Assert.Throws<ArgumentException>(() => new SafetensorsContent([new("w", Matrix), new("b", other), new("w", other)]));
        Assert.Equal("tensors", repeated.ParamName);
        Assert.Contains("Tensor name 'w' is reserved or repeated", repeated.Message, StringComparison.Ordinal);
        ArgumentException reserved = Assert.Throws<ArgumentException>(() => new SafetensorsContent([new(SafetensorsFile.MetadataKey, Matrix)]));
        Assert.Equal("tensors", reserved.ParamName);
        Assert.Contains("Tensor name '__metadata__' is reserved or repeated", reserved.Message, StringComparison.Ordinal);

        // Names are compared ordinally: these differ only in case and are both kept.
        Assert.Equal(["w", "W"], new SafetensorsContent([new("w", Matrix), new("W", other)]).Names);
    }

    [Fact]
    public void Bitwise_equality_needs_the_same_dtype_shape_and_bits()
    {
        Assert.True(Matrix.BitwiseEquals(StoredTensor.Create<float>([1, 2, 3, 4, 5, 6], 2, 3)));
        Assert.False(Matrix.BitwiseEquals(StoredTensor.Create<float>([1, 2, 3, 4, 5, 6], 3, 2)));
        Assert.False(Matrix.BitwiseEquals(StoredTensor.Create<double>([1, 2, 3, 4, 5, 6], 2, 3)));
        Assert.False(Matrix.BitwiseEquals(StoredTensor.Create<float>([1, 2, 3, 4, 5, 7], 2, 3)));
        Assert.False(StoredTensor.Create<float>([1, 2], 2).BitwiseEquals(StoredTensor.Create<double>([1, 2], 2)));
    }

    [Fact]
    public void A_0d_tensor_becomes_a_one_element_tensor()
    {
        Tensor<double> scalar = StoredTensor.Create<double>([7]).ToTensor<double>();
        Assert.Equal([1], scalar.Lengths.ToArray());
        Assert.Equal(7, scalar[0]);
    }

    [Fact]
    public void A_state_dict_bias_is_read_under_the_prefix()
    {
        StoredTensor bias = StoredTensor.Create<float>([7, 8], 2);
        var content = new SafetensorsContent([new("fc.weight", Matrix), new("fc.bias", bias)]);
        LinearLayer<float> layer = LayerWeightFiles.ReadLinear<float>(content, "fc");
        Assert.True(layer.HasBias);
        var values = new float[2];
        layer.Bias.FlattenTo(values);
        Assert.Equal([7f, 8f], values);
        InvalidDataException missing = Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadLinear<float>(content, "fc2"));
        Assert.Contains("'fc2.weight'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kernel_that_is_not_a_matrix_is_named_with_the_expected_shape()
    {
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadDense<float>(StoredTensor.Create<float>([1, 2], 2), null));
        Assert.Equal("'kernel' must be a matrix [input_dim, units], got Float32 [2].", e.Message);
    }

    [Fact]
    public void A_pytorch_weight_that_is_not_a_matrix_is_named_with_the_expected_shape()
    {
        var vector = new SafetensorsContent([new("fc.weight", StoredTensor.Create<float>([1, 2], 2))]);
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadLinear<float>(vector, "fc"));
        Assert.Equal("'fc.weight' must be a matrix [out_features, in_features], got Float32 [2].", e.Message);
        var scalar = new SafetensorsContent([new("weight", StoredTensor.Create<double>([1]))]);
        InvalidDataException bare = Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadLinear<double>(scalar, string.Empty));
        Assert.Equal("'weight' must be a matrix [out_features, in_features], got Float64 [].", bare.Message);
    }

    [Fact]
    public void Matrix_dimensions_up_to_int_MaxValue_are_accepted_and_larger_ones_rejected()
    {
        DenseLayer<float> widest = LayerWeightFiles.ReadDense<float>(StoredTensor.Create<float>([], int.MaxValue, 0), null);
        Assert.Equal(int.MaxValue, widest.InFeatures);
        Assert.Equal(0, widest.OutFeatures);
        DenseLayer<float> tallest = LayerWeightFiles.ReadDense<float>(StoredTensor.Create<float>([], 0, int.MaxValue), null);
        Assert.Equal(int.MaxValue, tallest.OutFeatures);
        Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadDense<float>(StoredTensor.Create<float>([], 1L << 31, 0), null));
        Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadDense<float>(StoredTensor.Create<float>([], 0, 1L << 31), null));
    }

    [Fact]
    public void Weight_files_hold_only_float_and_double_layers()
    {
        NotSupportedException e = Assert.Throws<NotSupportedException>(() => LayerWeightFiles.ReadDense<Half>(Matrix, null));
        Assert.Contains("not Half", e.Message, StringComparison.Ordinal);
    }
}
