using System.Numerics.Tensors;
using DenseLinear.Accuracy;
using DenseLinear.Initialization;
using DenseLinear.Layers;
using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Properties.Initialization;

/// <summary>
/// The framework defaults by name and formula: PyTorch's kaiming_uniform(a=√5) U(±1/√fan_in), Keras' glorot_uniform
/// U(±√(6/(fan_in + fan_out))), glorot_normal σ = √(2/(fan_in + fan_out)) / 0.87962566, he_uniform U(±√(6/fan_in)),
/// zeros; zero fans give the constant 0. Created weights take their fans from the layout's axes and are drawn in
/// row-major order; a missing Random is named before any other argument is looked at; Keras names parse, others are
/// refused by name.
/// </summary>
public sealed class WeightInitializerTests
{
    [Fact]
    public void Each_initializer_has_its_framework_s_name()
    {
        Assert.Equal("kaiming_uniform(a=sqrt(5))", WeightInitializer.KaimingUniformSqrt5.Name);
        Assert.Equal("glorot_uniform", WeightInitializer.GlorotUniform.Name);
        Assert.Equal("glorot_normal", WeightInitializer.GlorotNormal.Name);
        Assert.Equal("he_uniform", WeightInitializer.HeUniform.Name);
        Assert.Equal("zeros", WeightInitializer.Zeros.Name);
        Assert.Equal("glorot_uniform", WeightInitializer.GlorotUniform.ToString());
    }

    [Fact]
    public void The_bounds_are_the_documented_formulas_of_the_fans()
    {
        // Fans (16, 8): 1/√16, √(6/24), √(6/16); kaiming and he ignore fan_out.
        Assert.Equal(0.25, WeightInitializer.KaimingUniformSqrt5.Distribution(16, 8).Limit);
        Assert.Equal(0.25, WeightInitializer.KaimingUniformSqrt5.Distribution(16, 0).Limit);
        Assert.Equal(0.5, WeightInitializer.GlorotUniform.Distribution(16, 8).Limit);
        Assert.Equal(Math.Sqrt(6.0 / 16), WeightInitializer.HeUniform.Distribution(16, 8).Limit);
        Assert.Equal(Math.Sqrt(6.0 / 16), WeightInitializer.HeUniform.Distribution(16, 1000).Limit);
        Assert.False(WeightInitializer.GlorotUniform.Distribution(16, 8).IsTruncatedNormal);

        WeightDistribution normal = WeightInitializer.GlorotNormal.Distribution(60, 40);
        Assert.True(normal.IsTruncatedNormal);
        Assert.Equal(Math.Sqrt(2.0 / 100) / 0.87962566103423978, normal.Sigma);

        // The truncation leaves Keras' promised variance 2/(fan_in + fan_out).
        Assert.InRange(Math.Abs(normal.Variance - 0.02), 0, ErrorBound.Erf(0.02));

        Assert.Same(WeightDistribution.Zeros, WeightInitializer.Zeros.Distribution(16, 8));

        // Equal fans: Glorot's bound depends on their sum, never their difference.
        Assert.Equal(Math.Sqrt(6.0 / 16), WeightInitializer.GlorotUniform.Distribution(8, 8).Limit);
        Assert.Equal(Math.Sqrt(2.0 / 100) / 0.87962566103423978, WeightInitializer.GlorotNormal.Distribution(50, 50).Sigma);
    }

    [Fact]
    public void Zero_fans_give_the_constant_zero_instead_of_an_infinite_bound()
    {
        Assert.Same(WeightDistribution.Zeros, WeightInitializer.KaimingUniformSqrt5.Distribution(0, 5));
        Assert.Same(WeightDistribution.Zeros, WeightInitializer.HeUniform.Distribution(0, 5));
        Assert.Same(WeightDistribution.Zeros, WeightInitializer.GlorotUniform.Distribution(0, 0));
        Assert.Same(WeightDistribution.Zeros, WeightInitializer.GlorotNormal.Distribution(0, 0));

        // Glorot needs only the sum: fan_in 0 with fan_out 6 is U(±1).
        Assert.Equal(1, WeightInitializer.GlorotUniform.Distribution(0, 6).Limit);
    }

    [Fact]
    public void Created_weights_take_fan_in_from_the_layout_s_axis_and_fill_rows_in_order()
    {
        // [4, 16]: OutIn has fan_in 16 (bound ¼), InOut fan_in 4 (bound ½). The draws map 0 ↦ −L, ½ ↦ 0, ¾ ↦ L/2.
        double[] draws = [0, 0.5, 0.75, 0.25];
        Tensor<double> outIn = WeightInitializer.KaimingUniformSqrt5.Create<double>(4, 16, WeightLayout.OutIn, Repeating(draws, 64));
        Assert.Equal([4, 16], outIn.Lengths.ToArray());
        Assert.Equal([-0.25, 0, 0.125, -0.125], Matrices.Values(outIn)[..4]);

        Tensor<double> inOut = WeightInitializer.KaimingUniformSqrt5.Create<double>(4, 16, WeightLayout.InOut, Repeating(draws, 64));
        Assert.Equal([4, 16], inOut.Lengths.ToArray());
        Assert.Equal([-0.5, 0, 0.25, -0.25], Matrices.Values(inOut)[..4]);
    }

    [Fact]
    public void A_bias_vector_uses_the_fans_it_is_given()
    {
        Tensor<float> bias = WeightInitializer.KaimingUniformSqrt5.CreateVector<float>(3, 16, 2, new ScriptedRandom(0, 0.5, 0.75));
        Assert.Equal([3], bias.Lengths.ToArray());
        Assert.Equal([-0.25f, 0f, 0.125f], Matrices.Values(bias));
        Assert.Equal(0, WeightInitializer.GlorotUniform.CreateVector<float>(0, 16, 2, new ScriptedRandom()).FlattenedLength);
    }

    [Fact]
    public void Creating_refuses_missing_randomness_negative_or_oversized_sizes_and_undefined_layouts_by_name()
    {
        WeightInitializer glorot = WeightInitializer.GlorotUniform;
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => glorot.Create<float>(2, 2, WeightLayout.InOut, null!)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => glorot.Create<float>(-1, 2, WeightLayout.InOut, new Random(1))).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => glorot.Create<float>(2, -1, WeightLayout.OutIn, new Random(1))).ParamName);
        Assert.Equal("layout", Assert.Throws<ArgumentOutOfRangeException>(() => glorot.Create<float>(2, 2, (WeightLayout)7, new Random(1))).ParamName);
        Assert.StartsWith("Weight [65536, 65536] has more elements", Assert.Throws<ArgumentException>(() => glorot.Create<float>(65536, 65536, WeightLayout.OutIn, new Random(1))).Message, StringComparison.Ordinal);
        Assert.StartsWith("Vector [2147483647] has more elements", Assert.Throws<ArgumentException>(() => glorot.CreateVector<float>(int.MaxValue, 2, 2, new Random(1))).Message, StringComparison.Ordinal);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => glorot.CreateVector<float>(2, 2, 2, null!)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => glorot.CreateVector<float>(-1, 2, 2, new Random(1))).ParamName);
    }

    [Fact]
    public void A_missing_random_is_named_whatever_else_is_wrong_with_the_arguments()
    {
        // Every creating method checks its randomness first: a null Random is reported as such even beside a
        // negative or oversized size, an undefined layout or fans that have no distribution.
        Action[] calls =
        [
            () => WeightInitializer.GlorotUniform.Create<float>(-1, 2, WeightLayout.InOut, null!),
            () => WeightInitializer.GlorotUniform.Create<float>(2, 2, (WeightLayout)7, null!),
            () => WeightInitializer.GlorotUniform.Create<float>(65536, 65536, WeightLayout.OutIn, null!),
            () => WeightInitializer.GlorotUniform.CreateVector<float>(-1, 2, 2, null!),
            () => WeightInitializer.KaimingUniformSqrt5.CreateVector<float>(2, -1, 2, null!),
            () => DenseLayer<float>.Create(-1, 2, (Random)null!),
            () => LinearLayer<float>.Create(2, -1, true, (Random)null!),
        ];
        foreach (Action call in calls)
        {
            Assert.Equal("random", Assert.Throws<ArgumentNullException>(call).ParamName);
        }
    }

    [Theory]
    [InlineData("glorot_uniform")]
    [InlineData("glorot_normal")]
    [InlineData("he_uniform")]
    [InlineData("zeros")]
    public void Keras_names_parse_to_the_initializer_of_that_name(string name) =>
        Assert.Equal(name, WeightInitializer.Parse(name).Name);

    [Theory]
    [InlineData("")]
    [InlineData("he_normal")]
    [InlineData("Zeros")]
    [InlineData("kaiming_uniform(a=sqrt(5))")]
    public void Other_names_are_refused_by_name(string name)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => WeightInitializer.Parse(name));
        Assert.Equal("kerasName", e.ParamName);
        Assert.StartsWith($"Unknown Keras initializer '{name}'.", e.Message, StringComparison.Ordinal);
    }

    private static ScriptedRandom Repeating(double[] draws, int count) => new([.. Enumerable.Range(0, count).Select(i => draws[i % draws.Length])]);
}
