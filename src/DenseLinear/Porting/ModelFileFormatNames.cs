using DenseLinear.IO;

namespace DenseLinear.Porting;

/// <summary>The <see cref="ModelFileFormat"/>s in words, for reports.</summary>
public static class ModelFileFormatNames
{
    /// <summary>The format as a reader would say it: <c>PyTorch checkpoint (.pt)</c>, <c>Keras archive (.keras)</c>, ….</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a <see cref="ModelFileFormat"/>.</exception>
    public static string Of(ModelFileFormat format) => format switch
    {
        ModelFileFormat.Safetensors => "safetensors state_dict (.safetensors)",
        ModelFileFormat.PyTorchCheckpoint => "PyTorch checkpoint (.pt)",
        ModelFileFormat.KerasArchive => "Keras archive (.keras)",
        ModelFileFormat.KerasWeights => "Keras 3 weights (.weights.h5)",
        ModelFileFormat.LegacyKerasModel => "legacy Keras model (.h5)",
        ModelFileFormat.LegacyKerasWeights => "legacy Keras weights (.h5)",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a ModelFileFormat."),
    };
}
