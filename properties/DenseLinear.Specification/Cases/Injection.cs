namespace DenseLinear.Specification.Cases;

/// <summary>Where a <see cref="SpecialValue"/> goes: into x or into K, at <see cref="Position"/> modulo the length.</summary>
public readonly record struct Injection(bool InX, int Position, SpecialValue Value);
