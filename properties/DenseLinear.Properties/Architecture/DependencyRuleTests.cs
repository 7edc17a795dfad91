using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using DenseLinear.Kernels;
using DenseLinear.Properties.Architecture.Planted;
using DenseLinear.Specification;
using Xunit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace DenseLinear.Properties.Architecture;

/// <summary>
/// The dependency rules between the library's namespaces (README, "Architecture"), checked on the compiled
/// assembly: a forbidden using added anywhere in <c>src</c> fails here with the offending types named. Each rule of
/// <see cref="DependencyRules"/> is also run on <see cref="PlantedViolations"/>, a copy of the parts with one
/// violation of each rule planted, and must reject it: a rule that cannot fail proves nothing.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly ArchUnitNET.Domain.Architecture Library =
        new ArchLoader().LoadAssemblies(typeof(IMatMulKernel<>).Assembly, typeof(KernelSpecification<>).Assembly).Build();

    private static readonly ArchUnitNET.Domain.Architecture PlantedCopy =
        new ArchLoader().LoadAssemblies(typeof(PlantedViolations).Assembly).Build();

    private static readonly NamespaceParts Parts = new("DenseLinear");

    private static Dictionary<string, Func<NamespaceParts, IArchRule>> Rules { get; } = new()
    {
        [nameof(DependencyRules.NoCycles)] = DependencyRules.NoCycles,
        [nameof(DependencyRules.ContractIsSelfContained)] = DependencyRules.ContractIsSelfContained,
        [nameof(DependencyRules.KernelsUseOnlyTheContract)] = DependencyRules.KernelsUseOnlyTheContract,
        [nameof(DependencyRules.AccuracyUsesOnlyTheContractAndNumerics)] = DependencyRules.AccuracyUsesOnlyTheContractAndNumerics,
        [nameof(DependencyRules.InitializationUsesOnlyTheContractAndNumerics)] = DependencyRules.InitializationUsesOnlyTheContractAndNumerics,
        [nameof(DependencyRules.NumericsUseNothingOfTheLibrary)] = DependencyRules.NumericsUseNothingOfTheLibrary,
        [nameof(DependencyRules.IOUsesOnlyTheContract)] = DependencyRules.IOUsesOnlyTheContract,
        [nameof(DependencyRules.NothingUsesPorting)] = DependencyRules.NothingUsesPorting,
    };

    /// <summary>Every rule of <see cref="DependencyRules"/>, by name.</summary>
    public static TheoryData<string> RuleNames { get; } = [.. Rules.Keys];

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void The_library_keeps_the_rule(string rule) => Rules[rule](Parts).Check(Library);

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void The_rule_rejects_its_planted_violation(string rule) =>
        Assert.False(Rules[rule](PlantedViolations.Parts).HasNoViolations(PlantedCopy), $"{rule} found nothing wrong in the planted violations");

    [Fact]
    public void The_accuracy_rule_forbids_the_kernels_argument_checks() =>
        Types().That().Are(Parts.Accuracy).Should().NotDependOnAny(Types().That().Are(typeof(MatMulArguments))).Check(Library);

    [Fact]
    public void The_specification_takes_no_kernel_as_its_oracle() =>
        Types().That().ResideInAssembly(typeof(KernelSpecification<>).Assembly)
            .Should().NotDependOnAny(Types().That().Are(Parts.Kernels).And().AreNot(typeof(IWeightPackingKernel<>), typeof(PackedWeights<>)))
            .Because("its expectations come from the exact reference, the error bound and the IEEE rules, not from a kernel under test")
            .Check(Library);

    [Fact]
    public void Every_type_lives_in_a_known_part() =>
        Types().That().ResideInAssembly(typeof(IMatMulKernel<>).Assembly).And().DoNotHaveNameStartingWith("<")
            .Should().Be(Types().That().Are(Parts.Contract).Or().Are(Parts.Kernels).Or().Are(Parts.Layers).Or().Are(Parts.Accuracy)
                .Or().Are(Parts.Initialization).Or().Are(Parts.IO).Or().Are(Parts.Numerics).Or().Are(Parts.Porting))
            .Check(Library);

    [Fact]
    public void The_library_references_no_test_or_benchmark_assembly()
    {
        string[] forbidden = ["DenseLinear.Specification", "DenseLinear.Properties", "DenseLinear.Interop.Tests", "DenseLinear.Benchmarks", "xunit", "FsCheck", "BenchmarkDotNet"];
        string[] references = [.. typeof(IMatMulKernel<>).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty)];
        Assert.Contains("System.Numerics.Tensors", references);
        Assert.DoesNotContain(references, name => forbidden.Any(f => name.StartsWith(f, StringComparison.OrdinalIgnoreCase)));
    }
}
