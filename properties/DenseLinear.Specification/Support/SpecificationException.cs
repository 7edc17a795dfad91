namespace DenseLinear.Specification.Support;

/// <summary>A kernel or layer broke the specification in a way that is not a wrong value (memory, exceptions).</summary>
public sealed class SpecificationException : Exception
{
    /// <summary>Creates the exception with a message that names the shapes and what went wrong.</summary>
    public SpecificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the exception the kernel threw.</summary>
    public SpecificationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception without a message (prefer the other constructors).</summary>
    public SpecificationException()
    {
    }
}
