using System.Numerics;
using System.Numerics.Tensors;

namespace DenseLinear.Initialization;

/// <summary>
/// A default weight initializer of PyTorch or Keras: a distribution chosen from the weight's fans, and the fans taken
/// from the axes of its layout (<see cref="WeightFans"/>). Seeded and deterministic: the same <see cref="Random"/>
/// state gives the same values, drawn in row-major storage order.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>initializer</term><description>distribution</description></listheader>
/// <item><term><see cref="KaimingUniformSqrt5"/></term><description>PyTorch <c>Linear.reset_parameters</c>:
/// <c>kaiming_uniform_(a=√5)</c>, gain √(2/(1 + a²)) = √(1/3), bound gain·√(3/fan_in) = 1/√fan_in: U(±1/√fan_in);
/// bound 0 when fan_in = 0.</description></item>
/// <item><term><see cref="GlorotUniform"/></term><description>Keras default kernel: U(±√(6/(fan_in + fan_out))).</description></item>
/// <item><term><see cref="GlorotNormal"/></term><description>N(0, σ²) truncated at ±2σ, σ = √(2/(fan_in + fan_out)) / 0.87962566,
/// so the variance after truncation is 2/(fan_in + fan_out).</description></item>
/// <item><term><see cref="HeUniform"/></term><description>U(±√(6/fan_in)).</description></item>
/// <item><term><see cref="Zeros"/></term><description>Keras default bias: 0.</description></item>
/// </list>
/// <para>The distributions are the frameworks'; the draws are not: they come from <see cref="Random"/>, so a seed
/// here does not reproduce the numbers <c>torch.manual_seed</c> or <c>keras.utils.set_random_seed</c> would give.</para>
/// </remarks>
public abstract class WeightInitializer
{
    /// <summary>The framework's name for the initializer, e.g. <c>glorot_uniform</c>.</summary>
    public abstract string Name { get; }

    /// <summary>PyTorch's <c>kaiming_uniform_(a=√5)</c>: U(±1/√fan_in), 0 when fan_in = 0.</summary>
    public static WeightInitializer KaimingUniformSqrt5 { get; } = new Formula("kaiming_uniform(a=sqrt(5))", (fanIn, _) =>
        WeightDistribution.Uniform(fanIn == 0 ? 0 : 1 / Math.Sqrt(fanIn)));

    /// <summary>Keras' <c>glorot_uniform</c>: U(±√(6/(fan_in + fan_out))).</summary>
    public static WeightInitializer GlorotUniform { get; } = new Formula("glorot_uniform", (fanIn, fanOut) =>
        WeightDistribution.Uniform(fanIn + fanOut == 0 ? 0 : Math.Sqrt(6.0 / (fanIn + fanOut))));

    /// <summary>Keras' <c>glorot_normal</c>: N(0, σ²) truncated at ±2σ, σ = √(2/(fan_in + fan_out)) / 0.87962566.</summary>
    public static WeightInitializer GlorotNormal { get; } = new Formula("glorot_normal", (fanIn, fanOut) =>
        WeightDistribution.TruncatedNormal(fanIn + fanOut == 0 ? 0 : Math.Sqrt(2.0 / (fanIn + fanOut)) / 0.87962566103423978));

    /// <summary>Keras' <c>he_uniform</c>: U(±√(6/fan_in)).</summary>
    public static WeightInitializer HeUniform { get; } = new Formula("he_uniform", (fanIn, _) =>
        WeightDistribution.Uniform(fanIn == 0 ? 0 : Math.Sqrt(6.0 / fanIn)));

    /// <summary>Keras' <c>zeros</c>.</summary>
    public static WeightInitializer Zeros { get; } = new Formula("zeros", (_, _) => WeightDistribution.Zeros);

    /// <summary>The distribution for a weight with these fans.</summary>
    public abstract WeightDistribution Distribution(int fanIn, int fanOut);

    /// <summary>The fans of a [<paramref name="rows"/>, <paramref name="columns"/>] weight in <paramref name="layout"/>; <see cref="WeightFans.Of"/> by default.</summary>
    public virtual (int FanIn, int FanOut) Fans(int rows, int columns, WeightLayout layout) => WeightFans.Of(rows, columns, layout);

    /// <summary>Draws a [<paramref name="rows"/>, <paramref name="columns"/>] weight stored in <paramref name="layout"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative or the layout is undefined.</exception>
    /// <exception cref="ArgumentException">rows × columns is more elements than an array holds.</exception>
    public Tensor<T> Create<T>(int rows, int columns, WeightLayout layout, Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        return Tensor.Create(Values<T>(rows, columns, layout, random), [rows, columns]);
    }

    /// <summary>What <see cref="Create{T}"/> draws, as a row-major array.</summary>
    internal T[] Values<T>(int rows, int columns, WeightLayout layout, Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (int fanIn, int fanOut) = Fans(rows, columns, layout);
        var values = ArrayLength.Allocate<T>([rows, columns], "Weight");
        Distribution(fanIn, fanOut).Sample<T>(random, values);
        return values;
    }

    /// <summary>Draws a vector of <paramref name="length"/> values (a bias) with the fans of the weight it belongs to.</summary>
    public Tensor<T> CreateVector<T>(int length, int fanIn, int fanOut, Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        return Tensor.Create(VectorValues<T>(length, fanIn, fanOut, random), [length]);
    }

    /// <summary>What <see cref="CreateVector{T}"/> draws, as an array.</summary>
    internal T[] VectorValues<T>(int length, int fanIn, int fanOut, Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var values = ArrayLength.Allocate<T>([length], "Vector", nameof(length));
        Distribution(fanIn, fanOut).Sample<T>(random, values);
        return values;
    }

    /// <summary>Parses a Keras initializer name: <c>glorot_uniform</c>, <c>glorot_normal</c>, <c>he_uniform</c>, <c>zeros</c>.</summary>
    /// <exception cref="ArgumentException">The name is not one of those.</exception>
    public static WeightInitializer Parse(string kerasName) => kerasName switch
    {
        "glorot_uniform" => GlorotUniform,
        "glorot_normal" => GlorotNormal,
        "he_uniform" => HeUniform,
        "zeros" => Zeros,
        _ => throw new ArgumentException($"Unknown Keras initializer '{kerasName}'.", nameof(kerasName)),
    };

    /// <inheritdoc />
    public override string ToString() => Name;

    private sealed class Formula(string name, Func<int, int, WeightDistribution> distribution) : WeightInitializer
    {
        public override string Name => name;

        public override WeightDistribution Distribution(int fanIn, int fanOut) => distribution(fanIn, fanOut);
    }
}
