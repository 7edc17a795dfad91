using System.Globalization;
using System.Text.Json.Nodes;
using DenseLinear.Accuracy;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// torch.nn.Linear's own default initialization (kaiming_uniform(a = √5) weight and its bias, both U(±1/√in)) against
/// <see cref="LinearLayer{T}.Create(int, int, bool, int, IMatMulKernel{T})"/>, by a two-sample Kolmogorov–Smirnov test on
/// non-square layers both ways round.
/// </summary>
/// <remarks>
/// Critical value: by the Dvoretzky–Kiefer–Wolfowitz inequality each empirical distribution is within
/// ε(n, α/2) = √(ln(4/α)/(2n)) of the common one except with probability α/2
/// (<see cref="ErrorBound.KolmogorovSmirnov"/>), so the two differ by more than ε(n, α/2) + ε(m, α/2) with
/// probability at most α = <see cref="ErrorBound.KolmogorovSmirnovSignificance"/>.
/// </remarks>
public sealed class TorchInitializationTests
{
    private const int Layers = 400;

    [TorchFact]
    public void Torch_and_LinearLayer_Create_draw_from_one_distribution_3_to_17() => SameDistribution(3, 17);

    [TorchFact]
    public void Torch_and_LinearLayer_Create_draw_from_one_distribution_17_to_3() => SameDistribution(17, 3);

    private static void SameDistribution(int inFeatures, int outFeatures)
    {
        JsonObject reply = TorchWorker.Shared.Ask(new JsonObject { ["init"] = TorchWorker.Shape([inFeatures, outFeatures]), ["seed"] = 14, ["count"] = Layers });
        double[] torchWeights = [.. TorchWorker.Values<float>(reply["w"]).Select(v => (double)v)];
        double[] torchBiases = [.. TorchWorker.Values<float>(reply["b"]).Select(v => (double)v)];
        var ours = Enumerable.Range(0, Layers).Select(seed => LinearLayer<float>.Create(inFeatures, outFeatures, bias: true, seed)).ToArray();
        double[] ourWeights = [.. ours.SelectMany(layer => Flat(layer.Weight))];
        double[] ourBiases = [.. ours.SelectMany(layer => Flat(layer.Bias))];
        Check($"Linear({inFeatures}, {outFeatures}) weight", torchWeights, ourWeights);
        Check($"Linear({inFeatures}, {outFeatures}) bias", torchBiases, ourBiases);
    }

    private static void Check(string what, double[] torch, double[] ours)
    {
        double alpha = ErrorBound.KolmogorovSmirnovSignificance;
        double critical = ErrorBound.KolmogorovSmirnov(torch.Length, alpha / 2) + ErrorBound.KolmogorovSmirnov(ours.Length, alpha / 2);
        double distance = TwoSampleDistance(torch, ours);
        Assert.True(distance <= critical, string.Create(CultureInfo.InvariantCulture,
            $"{what}: two-sample Kolmogorov–Smirnov distance {distance:G6} > critical value {critical:G6} (α = {alpha}, {torch.Length} torch and {ours.Length} LinearLayer.Create values)"));
    }

    // sup over x of |F_torch(x) − F_ours(x)|, evaluated after each run of equal values in the merged order.
    private static double TwoSampleDistance(double[] a, double[] b)
    {
        double[] x = [.. a.Order()], y = [.. b.Order()];
        int i = 0, j = 0;
        double distance = 0;
        while (i < x.Length && j < y.Length)
        {
            double next = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] == next)
            {
                i++;
            }

            while (j < y.Length && y[j] == next)
            {
                j++;
            }

            distance = Math.Max(distance, Math.Abs(((double)i / x.Length) - ((double)j / y.Length)));
        }

        return distance;
    }

    private static double[] Flat(System.Numerics.Tensors.ReadOnlyTensorSpan<float> tensor)
    {
        var values = new float[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return [.. values.Select(v => (double)v)];
    }
}
