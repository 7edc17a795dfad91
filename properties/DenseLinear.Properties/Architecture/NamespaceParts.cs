using ArchUnitNET.Domain;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace DenseLinear.Properties.Architecture;

/// <summary>
/// The parts of the library under one root namespace (README, "Architecture"). The rules are written against this, so
/// the same rule runs on the library (root <c>DenseLinear</c>) and on the planted violations of
/// <see cref="Planted.PlantedViolations"/>, where it must fail.
/// </summary>
public sealed class NamespaceParts(string root)
{
    /// <summary>The root namespace: <c>DenseLinear</c>, or the planted copy's.</summary>
    public string Root { get; } = root;

    /// <summary>The contract: the root namespace itself.</summary>
    public IObjectProvider<IType> Contract { get; } = Part(root, "the contract");

    /// <summary>The kernels.</summary>
    public IObjectProvider<IType> Kernels { get; } = Part(root + ".Kernels", "Kernels");

    /// <summary>The layers.</summary>
    public IObjectProvider<IType> Layers { get; } = Part(root + ".Layers", "Layers");

    /// <summary>The judge: exact reference and error bound.</summary>
    public IObjectProvider<IType> Accuracy { get; } = Part(root + ".Accuracy", "Accuracy");

    /// <summary>The weight initializers.</summary>
    public IObjectProvider<IType> Initialization { get; } = Part(root + ".Initialization", "Initialization");

    /// <summary>The file readers and writers.</summary>
    public IObjectProvider<IType> IO { get; } = Part(root + ".IO", "IO");

    /// <summary>The port check: two models compared as functions, for the command line.</summary>
    public IObjectProvider<IType> Porting { get; } = Part(root + ".Porting", "Porting");

    /// <summary>The mathematical functions .NET lacks, which every other part may use.</summary>
    public IObjectProvider<IType> Numerics { get; } = Part(root + ".Numerics", "Numerics");

    private static IObjectProvider<IType> Part(string name, string description) => Types().That().ResideInNamespace(name).As(description);
}
