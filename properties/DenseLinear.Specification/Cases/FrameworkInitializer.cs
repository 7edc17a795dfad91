namespace DenseLinear.Specification.Cases;

/// <summary>A framework default the initializer family checks, with the layer it initializes.</summary>
public enum FrameworkInitializer
{
    /// <summary>PyTorch <c>Linear.reset_parameters</c>: weight [out, in] and bias, both U(±1/√in).</summary>
    PyTorchLinear,

    /// <summary>Keras <c>Dense</c> with <c>glorot_uniform</c> (the default) on the kernel [in, units], zero bias.</summary>
    KerasGlorotUniform,

    /// <summary>Keras <c>Dense</c> with <c>glorot_normal</c>.</summary>
    KerasGlorotNormal,

    /// <summary>Keras <c>Dense</c> with <c>he_uniform</c>.</summary>
    KerasHeUniform,
}
