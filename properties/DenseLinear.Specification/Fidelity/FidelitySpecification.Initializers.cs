using System.Globalization;
using DenseLinear.Accuracy;
using DenseLinear.Initialization;
using DenseLinear.Layers;
using DenseLinear.Numerics;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace DenseLinear.Specification.Fidelity;

// Family 18: default initializers — exact bounds, determinism, fans per layout, and the distribution itself.
public abstract partial class FidelitySpecification<T>
{
    // Fixed seeds: a statistical test on fresh seeds fails at its significance level; these make the suite deterministic.
    private static readonly int[] StatisticalSeeds = [20261129, 1, 4];

    /// <summary>
    /// Every drawn value lies inside its bound, exactly (|w| ≤ L, no tolerance): PyTorch weight and bias U(±1/√in) (0
    /// when in = 0), Keras glorot_uniform U(±√(6/(in+out))), glorot_normal ±2σ, he_uniform U(±√(6/in)), Keras bias
    /// exactly zero; shapes [out, in] and [in, units]; the bias present exactly when asked for.
    /// </summary>
    [SpecProperty]
    public virtual Property InitializedValuesStayInsideTheirBounds() =>
        Prop.ForAll(Generators.InitializerCases(), c =>
        {
            (T[] weight, T[]? bias, nint[] shape) = Initialize(c, new Random(c.Seed));
            (ExpectedDistribution expectedWeight, ExpectedDistribution expectedBias) = Expected(c.Initializer, c.InFeatures, c.OutFeatures);
            nint[] expectedShape = c.Initializer == FrameworkInitializer.PyTorchLinear ? [c.OutFeatures, c.InFeatures] : [c.InFeatures, c.OutFeatures];
            if (!shape.SequenceEqual(expectedShape) || bias is null == c.Bias || (bias is not null && bias.Length != c.OutFeatures))
            {
                return Verdicts.Fail("Initializer bound", Subject, c.ToString(),
                    $"weight shape [{string.Join(", ", shape)}], expected [{string.Join(", ", expectedShape)}]; bias {(bias is null ? "absent" : $"of {bias.Length}")}, expected {(c.Bias ? $"of {c.OutFeatures}" : "absent")}");
            }

            return Verdicts.All(
                InsideBound("weight", c, weight, expectedWeight),
                bias is null ? Prop.ToProperty(true) : InsideBound("bias", c, bias, expectedBias));
        });

    /// <summary>The same seed gives the same weights and bias, bitwise, for every framework default.</summary>
    [SpecProperty]
    public virtual Property SameSeedGivesTheSameWeights() =>
        Prop.ForAll(Generators.InitializerCases(), c =>
        {
            (T[] weight1, T[]? bias1, _) = Initialize(c, new Random(c.Seed));
            (T[] weight2, T[]? bias2, _) = Initialize(c, new Random(c.Seed));
            return Verdicts.All(
                Verdicts.Identical("Initializer determinism: weight", Subject, c.ToString(), weight1, weight2, Math.Max(c.InFeatures, 1)),
                Verdicts.Identical("Initializer determinism: bias", Subject, c.ToString(), bias1 ?? [], bias2 ?? [], Math.Max(c.OutFeatures, 1)));
        });

    /// <summary>
    /// Fan-in comes from the right axis of each layout: on non-square layers both ways round (in = 96, out = 8 and
    /// in = 8, out = 96), every framework default follows the distribution its fans give (the statistical tests of
    /// <see cref="InitializedValuesFollowTheirDistribution"/>). Swapping fan_in and fan_out changes PyTorch's and
    /// he_uniform's bound by √12.
    /// </summary>
    [Fact]
    public virtual void InitializerFansComeFromTheLayoutsAxes()
    {
        foreach (FrameworkInitializer initializer in Enum.GetValues<FrameworkInitializer>())
        {
            foreach ((int inFeatures, int outFeatures) in new[] { (96, 8), (8, 96) })
            {
                CheckDistribution("Initializer fans", new InitializerCase(initializer, inFeatures, outFeatures, true, StatisticalSeeds[0]));
            }
        }
    }

    /// <summary>
    /// Each framework default follows its distribution, on fixed seeds and a [60 × 200] weight (12 000 draws): the
    /// sample mean within <see cref="ErrorBound.SampleMomentStandardErrors"/> standard errors of 0, the sample second moment within as
    /// many of the variance (L²/3 uniform, 2/(in + out) glorot_normal), and the Kolmogorov–Smirnov distance to the
    /// distribution function below √(ln(2/α)/(2n)) at α = <see cref="ErrorBound.KolmogorovSmirnovSignificance"/>
    /// (<see cref="ErrorBound.KolmogorovSmirnov"/>); PyTorch's bias is tested the same way.
    /// </summary>
    [Fact]
    public virtual void InitializedValuesFollowTheirDistribution()
    {
        foreach (FrameworkInitializer initializer in Enum.GetValues<FrameworkInitializer>())
        {
            foreach (int seed in StatisticalSeeds)
            {
                CheckDistribution("Initializer distribution", new InitializerCase(initializer, 200, 60, true, seed));
            }
        }
    }

    private (T[] Weight, T[]? Bias, nint[] Shape) Initialize(InitializerCase c, Random random)
    {
        if (c.Initializer == FrameworkInitializer.PyTorchLinear)
        {
            LinearLayer<T> layer = CreateDefaultPyTorchLayer(c.InFeatures, c.OutFeatures, c.Bias, random);
            return (Matrices.Values(layer.Weight), layer.HasBias ? Matrices.Values(layer.Bias) : null, layer.Weight.Lengths.ToArray());
        }

        WeightInitializer kernelInitializer = c.Initializer switch
        {
            FrameworkInitializer.KerasGlorotNormal => WeightInitializer.GlorotNormal,
            FrameworkInitializer.KerasHeUniform => WeightInitializer.HeUniform,
            _ => WeightInitializer.GlorotUniform,
        };
        DenseLayer<T> keras = CreateDefaultKerasLayer(c.InFeatures, c.OutFeatures, c.Bias, kernelInitializer, random);
        return (Matrices.Values(keras.Kernel), keras.UseBias ? Matrices.Values(keras.Bias) : null, keras.Kernel.Lengths.ToArray());
    }

    private Property InsideBound(string what, InitializerCase c, T[] values, ExpectedDistribution expected)
    {
        for (int i = 0; i < values.Length; i++)
        {
            double value = double.CreateChecked(values[i]);
            if (!(Math.Abs(value) <= expected.Limit))
            {
                return Verdicts.Fail("Initializer bound", Subject, c.ToString(),
                    $"{what}[{i}] = {Matrices.Format(values[i])} outside {expected.Name} (|w| ≤ {expected.Limit:R})");
            }
        }

        return Prop.ToProperty(true);
    }

    private void CheckDistribution(string label, InitializerCase c)
    {
        (T[] weight, T[]? bias, _) = Initialize(c, new Random(c.Seed));
        (ExpectedDistribution expectedWeight, ExpectedDistribution expectedBias) = Expected(c.Initializer, c.InFeatures, c.OutFeatures);
        CheckSample(label, c, "weight", weight, expectedWeight);
        if (bias is not null)
        {
            CheckSample(label, c, "bias", bias, expectedBias);
        }
    }

    private void CheckSample(string label, InitializerCase c, string what, T[] values, ExpectedDistribution expected)
    {
        int n = values.Length;
        double[] sorted = Widen(values);
        Array.Sort(sorted);
        string where = $"{label} | {Subject} | {c} | {what}, {n} draws, expected {expected.Name}";
        if (expected.Limit == 0)
        {
            if (sorted.Any(v => v != 0))
            {
                throw new SpecificationException($"{where}: a nonzero value {sorted.First(v => v != 0):R}");
            }

            return;
        }

        double mean = sorted.Sum() / n;
        double secondMoment = sorted.Sum(v => v * v) / n;
        (double meanTolerance, double varianceTolerance) = ErrorBound.SampleMoments(n, expected.Variance, expected.FourthMoment, ErrorBound.SampleMomentStandardErrors);
        if (!(Math.Abs(mean) <= meanTolerance))
        {
            throw new SpecificationException(string.Create(CultureInfo.InvariantCulture,
                $"{where}: sample mean {mean:G6} outside 0 ± {meanTolerance:G6} ({ErrorBound.SampleMomentStandardErrors} standard errors)"));
        }

        if (!(Math.Abs(secondMoment - expected.Variance) <= varianceTolerance))
        {
            throw new SpecificationException(string.Create(CultureInfo.InvariantCulture,
                $"{where}: sample variance {secondMoment:G6} outside {expected.Variance:G6} ± {varianceTolerance:G6} ({ErrorBound.SampleMomentStandardErrors} standard errors)"));
        }

        // D = supₓ |Fₙ(x) − F(x)|, attained at a sample: just before it (F − i/n) or at it ((i + 1)/n − F).
        double distance = 0;
        for (int i = 0; i < n; i++)
        {
            double f = expected.Cdf(sorted[i]);
            distance = Math.Max(distance, Math.Max(f - ((double)i / n), ((double)(i + 1) / n) - f));
        }

        // Rounding each draw to T moves F by at most (max density)·u·L ≤ u: added to the critical value.
        double critical = ErrorBound.KolmogorovSmirnov(n, ErrorBound.KolmogorovSmirnovSignificance) + ErrorBound.UnitRoundoff<T>();
        if (!(distance <= critical))
        {
            throw new SpecificationException(string.Create(CultureInfo.InvariantCulture,
                $"{where}: Kolmogorov–Smirnov distance {distance:G6} > critical value {critical:G6} (α = {ErrorBound.KolmogorovSmirnovSignificance})"));
        }
    }

    // The distributions as the frameworks document them, written here independently of the library's initializers.
    private static (ExpectedDistribution Weight, ExpectedDistribution Bias) Expected(FrameworkInitializer initializer, int inFeatures, int outFeatures)
    {
        int sum = inFeatures + outFeatures;
        return initializer switch
        {
            FrameworkInitializer.PyTorchLinear => (
                ExpectedDistribution.Uniform(inFeatures == 0 ? 0 : 1 / Math.Sqrt(inFeatures)),
                ExpectedDistribution.Uniform(inFeatures == 0 ? 0 : 1 / Math.Sqrt(inFeatures))),
            FrameworkInitializer.KerasGlorotUniform => (ExpectedDistribution.Uniform(sum == 0 ? 0 : Math.Sqrt(6.0 / sum)), ExpectedDistribution.Uniform(0)),
            FrameworkInitializer.KerasGlorotNormal => (
                sum == 0 ? ExpectedDistribution.Uniform(0) : ExpectedDistribution.TruncatedNormal(Math.Sqrt(2.0 / sum) / 0.87962566103423978, 2.0 / sum),
                ExpectedDistribution.Uniform(0)),
            _ => (ExpectedDistribution.Uniform(inFeatures == 0 ? 0 : Math.Sqrt(6.0 / inFeatures)), ExpectedDistribution.Uniform(0)),
        };
    }

    private sealed record ExpectedDistribution(string Name, double Limit, double Variance, double FourthMoment, Func<double, double> Cdf)
    {
        public static ExpectedDistribution Uniform(double limit) => new(
            string.Create(CultureInfo.InvariantCulture, $"U(±{limit:G6})"),
            limit,
            limit * limit / 3,
            Math.Pow(limit, 4) / 5,
            v => Math.Clamp((v + limit) / (2 * limit), 0, 1));

        // N(0, σ²) truncated at ±2σ; Keras promises the variance after truncation (0.87962566·σ)². The fourth moment
        // of the truncated standard normal is I₄/P with P = 2Φ(2) − 1, I₂ = P − 4φ(2), I₄ = 3I₂ − 16φ(2).
        public static ExpectedDistribution TruncatedNormal(double sigma, double variance)
        {
            double phi2 = Math.Exp(-2) / Math.Sqrt(2 * Math.PI);
            double low = SpecialFunctions.NormalCdf(-2), p = SpecialFunctions.NormalCdf(2) - low;
            double i4 = (3 * (p - (4 * phi2))) - (16 * phi2);
            return new(
                string.Create(CultureInfo.InvariantCulture, $"N(0, {sigma:G6}²) truncated at ±2σ"),
                2 * sigma,
                variance,
                Math.Pow(sigma, 4) * i4 / p,
                v => Math.Clamp((SpecialFunctions.NormalCdf(v / sigma) - low) / p, 0, 1));
        }
    }
}
