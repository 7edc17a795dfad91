using DenseLinear.IO;

namespace DenseLinear.Porting.Tests.Porting;

/// <summary>Seeded models to port and break: PyTorch-style chains (W [out, in]) and their Keras ports.</summary>
internal static class TestModels
{
    /// <summary>A PyTorch chain fc1, fc2, … of the given widths (4, 8, 8, 3 → three layers), float32, relu between, linear last.</summary>
    public static StoredModel PyTorch(int seed, params int[] widths) => PyTorch(seed, recordActivations: true, widths);

    public static StoredModel PyTorch(int seed, bool recordActivations, params int[] widths)
    {
        var random = new Random(seed);
        var layers = new List<StoredLayer>();
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            int inputs = widths[i], outputs = widths[i + 1];
            float[] weight = Uniform(random, outputs * inputs, 1 / MathF.Sqrt(inputs));
            float[] bias = Uniform(random, outputs, 1 / MathF.Sqrt(inputs));
            Activation? activation = recordActivations ? (i + 2 < widths.Length ? Activation.Relu : Activation.Linear) : null;
            string name = $"fc{i + 1}";
            layers.Add(new StoredLayer(name, WeightLayout.OutIn, StoredTensor.Create<float>(weight, outputs, inputs), StoredTensor.Create<float>(bias, outputs), activation, $"{name}.weight", $"{name}.bias"));
        }

        return new StoredModel(ModelFileFormat.PyTorchCheckpoint, layers);
    }

    /// <summary>The correct Keras port: kernels K = Wᵀ, same biases and activations.</summary>
    public static StoredModel Keras(StoredModel pyTorch) => KerasModelFile.ToKeras(pyTorch);

    /// <summary>The model with layer <paramref name="index"/> replaced.</summary>
    public static StoredModel With(StoredModel model, int index, Func<StoredLayer, StoredLayer> change)
    {
        List<StoredLayer> layers = [.. model.Layers];
        layers[index] = change(layers[index]);
        return new StoredModel(model.Format, layers);
    }

    /// <summary>The model with no bias in any layer.</summary>
    public static StoredModel WithoutBiases(StoredModel model) =>
        new(model.Format, [.. model.Layers.Select(layer => WithBias(layer, null))]);

    /// <summary>A layer with a new weight (stored in <paramref name="layout"/>), the rest kept.</summary>
    public static StoredLayer WithWeight(StoredLayer layer, StoredTensor weight, WeightLayout layout) =>
        new(layer.Name, layout, weight, layer.Bias, layer.Activation, layer.WeightPath, layer.BiasPath);

    public static StoredLayer WithBias(StoredLayer layer, StoredTensor? bias) =>
        new(layer.Name, layer.Layout, layer.Weight, bias, layer.Activation, layer.WeightPath, bias is null ? null : layer.BiasPath ?? layer.Name + ".bias");

    public static StoredLayer WithActivation(StoredLayer layer, Activation? activation) =>
        new(layer.Name, layer.Layout, layer.Weight, layer.Bias, activation, layer.WeightPath, layer.BiasPath);

    public static float[] Floats(StoredTensor tensor) => tensor.GetValues<float>().ToArray();

    private static float[] Uniform(Random random, int count, float limit)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1) * limit;
        }

        return values;
    }
}
