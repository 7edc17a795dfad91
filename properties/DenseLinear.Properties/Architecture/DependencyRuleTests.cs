using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using DenseLinear.Kernels;
using DenseLinear.Specification;
using Xunit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace DenseLinear.Properties.Architecture;

/// <summary>
/// The dependency rules between the library's namespaces (README, "Architecture"), checked on the compiled
/// assembly: a forbidden using added anywhere in <c>src</c> fails here with the offending types named.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly ArchUnitNET.Domain.Architecture Library =
        new ArchLoader().LoadAssemblies(typeof(IMatMulKernel<>).Assembly, typeof(KernelSpecification<>).Assembly).Build();

    private static readonly IObjectProvider<IType> Contract = Part("DenseLinear", "the contract");
    private static readonly IObjectProvider<IType> Kernels = Part("DenseLinear.Kernels", "Kernels");
    private static readonly IObjectProvider<IType> Layers = Part("DenseLinear.Layers", "Layers");
    private static readonly IObjectProvider<IType> Accuracy = Part("DenseLinear.Accuracy", "Accuracy");
    private static readonly IObjectProvider<IType> Initialization = Part("DenseLinear.Initialization", "Initialization");
    private static readonly IObjectProvider<IType> IO = Part("DenseLinear.IO", "IO");

    [Fact]
    public void The_contract_depends_on_no_implementation() =>
        Types().That().Are(Contract).Should().NotDependOnAny(Types().That().Are(Kernels).Or().Are(Layers).Or().Are(Accuracy).Or().Are(Initialization).Or().Are(IO))
            .Check(Library);

    [Fact]
    public void Kernels_know_nothing_of_layers_files_or_initialization() =>
        Types().That().Are(Kernels).Should().NotDependOnAny(Types().That().Are(Layers).Or().Are(IO).Or().Are(Initialization)).Check(Library);

    [Fact]
    public void Accuracy_depends_on_no_kernel_and_not_on_the_kernels_argument_checks() =>
        Types().That().Are(Accuracy).Should().NotDependOnAny(Types().That().Are(Kernels).Or().Are(typeof(MatMulArguments))).Check(Library);

    [Fact]
    public void The_file_readers_do_not_depend_on_the_layers() =>
        Types().That().Are(IO).Should().NotDependOnAny(Layers).Check(Library);

    [Fact]
    public void The_specification_takes_no_kernel_as_its_oracle() =>
        Types().That().ResideInAssembly(typeof(KernelSpecification<>).Assembly)
            .Should().NotDependOnAny(Types().That().Are(Kernels).And().AreNot(typeof(IWeightPackingKernel<>), typeof(PackedWeights<>)))
            .Because("its expectations come from the exact reference, the error bound and the IEEE rules, not from a kernel under test")
            .Check(Library);

    [Fact]
    public void Every_type_lives_in_a_known_part() =>
        Types().That().ResideInAssembly(typeof(IMatMulKernel<>).Assembly).And().DoNotHaveNameStartingWith("<")
            .Should().Be(Types().That().Are(Contract).Or().Are(Kernels).Or().Are(Layers).Or().Are(Accuracy).Or().Are(Initialization).Or().Are(IO))
            .Check(Library);

    [Fact]
    public void The_library_references_no_test_or_benchmark_assembly()
    {
        string[] forbidden = ["DenseLinear.Specification", "DenseLinear.Properties", "DenseLinear.Interop.Tests", "DenseLinear.Benchmarks", "xunit", "FsCheck", "BenchmarkDotNet"];
        string[] references = [.. typeof(IMatMulKernel<>).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty)];
        Assert.Contains("System.Numerics.Tensors", references);
        Assert.DoesNotContain(references, name => forbidden.Any(f => name.StartsWith(f, StringComparison.OrdinalIgnoreCase)));
    }

    private static IObjectProvider<IType> Part(string name, string description) => Types().That().ResideInNamespace(name).As(description);
}
