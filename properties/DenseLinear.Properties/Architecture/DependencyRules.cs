using ArchUnitNET.Fluent;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;

namespace DenseLinear.Properties.Architecture;

/// <summary>
/// The dependency rules between the library's namespaces, each a function of the parts so that it can be checked on
/// the library and shown failing on a planted violation.
/// </summary>
public static class DependencyRules
{
    /// <summary>No two namespaces under the root depend on each other, directly or through others.</summary>
    public static IArchRule NoCycles(NamespaceParts parts) => Slices().Matching(parts.Root + ".(*)").Should().BeFreeOfCycles();

    /// <summary>The contract depends on no implementation.</summary>
    public static IArchRule ContractIsSelfContained(NamespaceParts parts) =>
        Types().That().Are(parts.Contract).Should()
            .NotDependOnAny(Types().That().Are(parts.Kernels).Or().Are(parts.Layers).Or().Are(parts.Accuracy).Or().Are(parts.Initialization).Or().Are(parts.IO).Or().Are(parts.Numerics));

    /// <summary>The kernels use the contract only.</summary>
    public static IArchRule KernelsUseOnlyTheContract(NamespaceParts parts) =>
        Types().That().Are(parts.Kernels).Should()
            .NotDependOnAny(Types().That().Are(parts.Layers).Or().Are(parts.IO).Or().Are(parts.Initialization).Or().Are(parts.Accuracy).Or().Are(parts.Numerics));

    /// <summary>The judge uses the contract and the numerics: no kernel, no layer, no initializer, no file.</summary>
    public static IArchRule AccuracyUsesOnlyTheContractAndNumerics(NamespaceParts parts) =>
        Types().That().Are(parts.Accuracy).Should()
            .NotDependOnAny(Types().That().Are(parts.Kernels).Or().Are(parts.Layers).Or().Are(parts.Initialization).Or().Are(parts.IO));

    /// <summary>The initializers use the contract and the numerics only.</summary>
    public static IArchRule InitializationUsesOnlyTheContractAndNumerics(NamespaceParts parts) =>
        Types().That().Are(parts.Initialization).Should()
            .NotDependOnAny(Types().That().Are(parts.Kernels).Or().Are(parts.Layers).Or().Are(parts.Accuracy).Or().Are(parts.IO));

    /// <summary>The numerics use nothing of the library.</summary>
    public static IArchRule NumericsUseNothingOfTheLibrary(NamespaceParts parts) =>
        Types().That().Are(parts.Numerics).Should()
            .NotDependOnAny(Types().That().Are(parts.Contract).Or().Are(parts.Kernels).Or().Are(parts.Layers).Or().Are(parts.Accuracy).Or().Are(parts.Initialization).Or().Are(parts.IO));

    /// <summary>The file readers use the contract only.</summary>
    public static IArchRule IOUsesOnlyTheContract(NamespaceParts parts) =>
        Types().That().Are(parts.IO).Should()
            .NotDependOnAny(Types().That().Are(parts.Layers).Or().Are(parts.Kernels).Or().Are(parts.Accuracy).Or().Are(parts.Initialization).Or().Are(parts.Numerics));

    /// <summary>Nothing else in the library uses the port check: it sits on top, for the command line and its tests.</summary>
    public static IArchRule NothingUsesPorting(NamespaceParts parts) =>
        Types().That().AreNot(parts.Porting).Should().NotDependOnAny(Types().That().Are(parts.Porting));
}
