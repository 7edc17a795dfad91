using FsCheck.Xunit;

namespace DenseLinear.Specification.Support;

/// <summary>
/// An FsCheck property whose case count, size and replay seed come from <see cref="SpecificationSettings"/>, so one
/// environment variable switches every property of the suite to the deep profile or to a replay.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SpecPropertyAttribute : PropertyAttribute
{
    /// <summary>Applies the settings.</summary>
    public SpecPropertyAttribute()
    {
        MaxTest = SpecificationSettings.MaxTest;
        EndSize = SpecificationSettings.EndSize;
        QuietOnSuccess = false;
        if (SpecificationSettings.Replay is { } replay)
        {
            Replay = replay;
        }
    }
}
