namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// The whole specification (kernel, layer and fidelity families, float and double) on every kernel of
/// <see cref="Kernels.BuiltInKernels{T}"/>, one line each. xunit needs a concrete class per suite; registering a kernel
/// without its lines here fails <see cref="RegistryCoverageTests"/>.
/// </summary>
public static class BuiltInKernelSuites
{
    public sealed class NaiveFloat() : RegisteredKernelSuite<float>("Naive");
    public sealed class NaiveFloatLayers() : RegisteredLayerSuite<float>("Naive");
    public sealed class NaiveFloatFidelity() : RegisteredFidelitySuite<float>("Naive");
    public sealed class NaiveDouble() : RegisteredKernelSuite<double>("Naive");
    public sealed class NaiveDoubleLayers() : RegisteredLayerSuite<double>("Naive");
    public sealed class NaiveDoubleFidelity() : RegisteredFidelitySuite<double>("Naive");

    public sealed class TensorPrimitivesFloat() : RegisteredKernelSuite<float>("TensorPrimitives");
    public sealed class TensorPrimitivesFloatLayers() : RegisteredLayerSuite<float>("TensorPrimitives");
    public sealed class TensorPrimitivesFloatFidelity() : RegisteredFidelitySuite<float>("TensorPrimitives");
    public sealed class TensorPrimitivesDouble() : RegisteredKernelSuite<double>("TensorPrimitives");
    public sealed class TensorPrimitivesDoubleLayers() : RegisteredLayerSuite<double>("TensorPrimitives");
    public sealed class TensorPrimitivesDoubleFidelity() : RegisteredFidelitySuite<double>("TensorPrimitives");

    public sealed class PackedFloat() : RegisteredKernelSuite<float>("Packed");
    public sealed class PackedFloatLayers() : RegisteredLayerSuite<float>("Packed");
    public sealed class PackedFloatFidelity() : RegisteredFidelitySuite<float>("Packed");
    public sealed class PackedDouble() : RegisteredKernelSuite<double>("Packed");
    public sealed class PackedDoubleLayers() : RegisteredLayerSuite<double>("Packed");
    public sealed class PackedDoubleFidelity() : RegisteredFidelitySuite<double>("Packed");

    public sealed class ParallelFloat() : RegisteredKernelSuite<float>("Parallel");
    public sealed class ParallelFloatLayers() : RegisteredLayerSuite<float>("Parallel");
    public sealed class ParallelFloatFidelity() : RegisteredFidelitySuite<float>("Parallel");
    public sealed class ParallelDouble() : RegisteredKernelSuite<double>("Parallel");
    public sealed class ParallelDoubleLayers() : RegisteredLayerSuite<double>("Parallel");
    public sealed class ParallelDoubleFidelity() : RegisteredFidelitySuite<double>("Parallel");
}
