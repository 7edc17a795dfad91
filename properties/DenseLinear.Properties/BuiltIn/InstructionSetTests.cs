using System.Runtime.Intrinsics;
using DenseLinear.Kernels;
using DenseLinear.Specification.Support;
using Xunit;
using Xunit.Abstractions;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// Shows which micro-kernel path this process runs, so a run under <c>DOTNET_EnableAVX512=0</c>,
/// <c>DOTNET_EnableAVX2=0</c> or <c>DOTNET_EnableHWIntrinsic=0</c> proves that the switch took effect: with
/// <c>DENSELINEAR_EXPECT_PATH</c> set (Scalar, Vector256 or Vector512), the path must be that one.
/// </summary>
public sealed class InstructionSetTests(ITestOutputHelper output)
{
    public const string ExpectVariable = "DENSELINEAR_EXPECT_PATH";

    [Fact]
    public void The_micro_kernel_path_follows_the_accelerated_vector_widths()
    {
        MicroKernelPath path = MicroKernels<float>.Path;
        output.WriteLine($"micro-kernel path: {path}; {OutputDigests.InstructionSets}");
        MicroKernelPath widest = Vector512.IsHardwareAccelerated ? MicroKernelPath.Vector512
            : Vector256.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported ? MicroKernelPath.Vector256
            : MicroKernelPath.Scalar;
        Assert.Equal(widest, path);
        Assert.Equal(path, MicroKernels<double>.Path);
        if (Environment.GetEnvironmentVariable(ExpectVariable) is { Length: > 0 } expected)
        {
            Assert.Equal(Enum.Parse<MicroKernelPath>(expected), path);
        }
    }

    [Fact]
    public void Each_path_has_its_tile_height()
    {
        int expected = MicroKernels<float>.Path == MicroKernelPath.Vector512 ? 12 : 6;
        Assert.Equal(expected, MicroKernels<float>.MR);
        Assert.Equal(expected, PackedGemm<double>.MR);
        Assert.Equal(32, MicroKernels<float>.NR);
        Assert.Equal(16, MicroKernels<double>.NR);
    }
}
