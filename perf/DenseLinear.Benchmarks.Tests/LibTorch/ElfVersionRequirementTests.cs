using System.Runtime.InteropServices;
using DenseLinear.Benchmarks.LibTorch;
using Xunit;

namespace DenseLinear.Benchmarks.Tests.LibTorch;

public sealed class ElfVersionRequirementTests
{
    [Fact]
    public void BytesThatAreNotElfAreRefused() =>
        Assert.Throws<InvalidDataException>(() => ElfVersionRequirement.MarkWeak(new byte[64], "GLIBC_2.2.5"));

    [Fact]
    public void ANamedVersionRequirementIsMarkedWeakOnce()
    {
        // Any dynamically linked program needs GLIBC_2.2.5 on x86-64 Linux; elsewhere there is nothing to edit.
        const string program = "/bin/sh";
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64 || !File.Exists(program))
        {
            return;
        }

        byte[] bytes = File.ReadAllBytes(program);
        Assert.True(ElfVersionRequirement.MarkWeak(bytes, "GLIBC_2.2.5") >= 1);
        Assert.Equal(0, ElfVersionRequirement.MarkWeak(bytes, "GLIBC_2.2.5"));
        Assert.Equal(0, ElfVersionRequirement.MarkWeak(bytes, "NO_SUCH_VERSION"));
    }
}
