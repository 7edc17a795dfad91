namespace DenseLinear.IO;

/// <summary>The model-file formats <see cref="StoredModel"/> reads, each recognised by its bytes, never by its extension.</summary>
public enum ModelFileFormat
{
    /// <summary>A safetensors file of PyTorch <c>state_dict</c> entries (8-byte header length, then a JSON header).</summary>
    Safetensors,

    /// <summary>A <c>torch.save</c> checkpoint (<c>.pt</c>/<c>.pth</c>): a zip archive holding <c>data.pkl</c>.</summary>
    PyTorchCheckpoint,

    /// <summary>A Keras 3 <c>.keras</c> archive: a zip of <c>config.json</c>, <c>metadata.json</c> and <c>model.weights.h5</c>.</summary>
    KerasArchive,

    /// <summary>A Keras 3 <c>.weights.h5</c> file: HDF5 with <c>layers/&lt;name&gt;/vars/&lt;i&gt;</c> datasets.</summary>
    KerasWeights,

    /// <summary>A Keras 2 / tf.keras full-model <c>.h5</c>: HDF5 with a <c>model_config</c> attribute and a <c>model_weights</c> group.</summary>
    LegacyKerasModel,

    /// <summary>A Keras 2 / tf.keras weights-only <c>.h5</c>: HDF5 with the <c>layer_names</c> attribute at the root.</summary>
    LegacyKerasWeights,
}
